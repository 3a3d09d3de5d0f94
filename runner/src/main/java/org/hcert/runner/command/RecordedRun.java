package org.hcert.runner.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.runner.UsageException;

/** {@code certify --recording}: judge a recorded file, hashing it on another core meanwhile. */
final class RecordedRun {

    private RecordedRun() {}

    static RunEvidence run(Path recording, DefinitionsOption definitions, Certification certification) {
        if (!Files.isRegularFile(recording)) {
            throw new UsageException("%s: recording not found".formatted(recording));
        }
        var sha256 = FileHashes.sha256InBackground(recording);
        CertificationContext context = certification.context(definitions.open(recording));
        return new RunEvidence(context, certification.run(context), "recording", recording, List.of(), sha256);
    }
}
