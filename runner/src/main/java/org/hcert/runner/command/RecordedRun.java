package org.hcert.runner.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.dataset.LeRobotSource;
import org.hcert.telemetry.rosbag.BagFolder;

/**
 * {@code certify --recording}: judge recorded files (several merged by time, a bag folder as the
 * files its metadata lists), hashing every file on another core meanwhile.
 */
final class RecordedRun {

    private RecordedRun() {}

    static RunEvidence run(List<Path> recordings, RecordingOptions definitions, Certification certification) {
        List<Path> files = new ArrayList<>();
        for (Path r : recordings) {
            if (LeRobotSource.isDataset(r)) {
                files.addAll(LeRobotSource.files(r));
            } else if (Files.isDirectory(r)) {
                try {
                    files.add(r.resolve(BagFolder.METADATA));
                    files.addAll(BagFolder.files(r));
                } catch (TelemetryException e) {
                    throw new UsageException(e.getMessage());
                }
            } else if (Files.isRegularFile(r)) {
                files.add(r);
            } else {
                RecordingFiles.check(r);
            }
        }
        List<Supplier<String>> hashes = files.stream().map(FileHashes::sha256InBackground).toList();
        CertificationContext context = certification.context(definitions.open(recordings, certification.robot().topics().timeBase().orElse(null)));
        Supplier<List<ProfileFile>> hashed = () -> {
            List<ProfileFile> out = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                out.add(new ProfileFile(files.get(i), hashes.get(i).get()));
            }
            return out;
        };
        return new RunEvidence(context, certification.run(context), "recording", List.of(), hashed);
    }
}
