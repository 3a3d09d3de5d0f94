package org.hcert.runner.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.Recordings;

/** {@code certify --recording}: judge a recorded file, hashing it on another core meanwhile. */
final class RecordedRun {

    private RecordedRun() {}

    static RunEvidence run(Path recording, RobotProfile robot, StandardProfile standard, RunEvidence.Scenarios scenarios) {
        if (!Files.isRegularFile(recording)) {
            throw new UsageException("%s: recording not found".formatted(recording));
        }
        var sha256 = FileHashes.sha256InBackground(recording);
        CertificationContext context = new CertificationContext(robot, standard, Recordings.open(recording));
        return new RunEvidence(context, scenarios.run(context), "recording", recording, List.of(), sha256);
    }
}
