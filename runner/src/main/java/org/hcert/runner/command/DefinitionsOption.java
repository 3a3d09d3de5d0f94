package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.List;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.ros.RosDefinitions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --definitions DIR}: message definitions for the types a recording does not carry (a
 * vendor's types in a rosbag2 bag of Foxy, Galactic or Humble), on every command that reads one.
 */
final class DefinitionsOption {

    @Option(names = "--definitions", paramLabel = "DIR",
            description = "message definitions for types the recording does not store: a workspace's share/ folder, or any folder "
                    + "holding <package>/msg/<Type>.msg (the common ROS 2 interfaces are bundled)")
    private @Nullable Path definitions;

    /** Open {@code recording} with these definitions; a bad folder is a usage error (exit 2). */
    TelemetrySource open(Path recording) {
        return open(List.of(recording));
    }

    /** Open {@code recordings} as one, merged by time, with these definitions. */
    TelemetrySource open(List<Path> recordings) {
        RosDefinitions given;
        try {
            given = definitions == null ? RosDefinitions.none() : RosDefinitions.fromDirectory(definitions);
        } catch (TelemetryException e) {
            throw new UsageException("--definitions " + e.getMessage());
        }
        return Recordings.open(recordings, given);
    }
}
