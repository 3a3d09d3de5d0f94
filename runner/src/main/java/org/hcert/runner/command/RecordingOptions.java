package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.List;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TimeBase;
import org.hcert.telemetry.ros.RosDefinitions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How recordings are read, on every command that reads one: {@code --definitions DIR}, message
 * definitions for the types a recording does not carry (a vendor's types in a rosbag2 bag of Foxy,
 * Galactic or Humble); {@code --time-from}, where the time of a row or frame is in recordings without
 * log times of their own (a vendor's CSV table, an HDF5 episode).
 */
final class RecordingOptions {

    @Option(names = "--definitions", paramLabel = "DIR",
            description = "message definitions for types the recording does not store: a workspace's share/ folder, or any folder "
                    + "holding <package>/msg/<Type>.msg (the common ROS 2 interfaces are bundled)")
    private @Nullable Path definitions;

    @Option(names = "--time-from", paramLabel = "COLUMN:UNIT|RATEHz",
            description = "where the time of a row is in a vendor's CSV table or an HDF5 episode: a column or field and its unit "
                    + "(ns, us, ms, s), e.g. time_us:us, or a fixed rate, e.g. 50Hz (certify: overrides the robot profile's recordingTime)")
    private @Nullable String timeFrom;

    /** The time base the command line gives, or else {@code fallback} (the robot profile's). */
    @Nullable TimeBase timeBase(@Nullable TimeBase fallback) {
        if (timeFrom == null) {
            return fallback;
        }
        try {
            return TimeBase.parse(timeFrom);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--time-from " + e.getMessage());
        }
    }

    /** Open {@code recording} with these definitions; a bad folder is a usage error (exit 2). */
    TelemetrySource open(Path recording) {
        return open(List.of(recording));
    }

    /** Open {@code recordings} as one, merged by time, with these definitions. */
    TelemetrySource open(List<Path> recordings) {
        return open(recordings, null);
    }

    /** Open {@code recordings} as one, with these definitions, and {@code profileTime} unless --time-from is given. */
    TelemetrySource open(List<Path> recordings, @Nullable TimeBase profileTime) {
        RosDefinitions given;
        try {
            given = definitions == null ? RosDefinitions.none() : RosDefinitions.fromDirectory(definitions);
        } catch (TelemetryException e) {
            throw new UsageException("--definitions " + e.getMessage());
        }
        return Recordings.open(recordings, given, timeBase(profileTime));
    }
}
