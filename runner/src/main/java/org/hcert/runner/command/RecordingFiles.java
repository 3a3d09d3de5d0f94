package org.hcert.runner.command;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.runner.UsageException;

/** What every command that reads a recording checks first: it is there, and it is a file or a folder. */
final class RecordingFiles {

    private RecordingFiles() {}

    /**
     * @throws UsageException when {@code recording} does not exist, or is a FIFO, socket or device
     *     (a FIFO would block the reader forever, a device such as /dev/zero never ends)
     */
    static void check(Path recording) {
        if (!Files.exists(recording)) {
            throw new UsageException("%s: recording not found".formatted(recording));
        }
        if (!Files.isRegularFile(recording) && !Files.isDirectory(recording)) {
            throw new UsageException("%s: not a regular file (a FIFO, socket or device); hcert reads recordings from files and "
                    .formatted(recording) + "bag folders");
        }
    }
}
