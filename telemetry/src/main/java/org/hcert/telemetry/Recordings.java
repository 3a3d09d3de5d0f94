package org.hcert.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hcert.telemetry.csv.CsvSource;
import org.hcert.telemetry.dataset.Hdf5Source;
import org.hcert.telemetry.dataset.LeRobotSource;
import org.jspecify.annotations.Nullable;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.hcert.telemetry.ros.RosDefinitions;
import org.hcert.telemetry.rosbag.BagFolder;
import org.hcert.telemetry.rosbag.Rosbag2SqliteSource;
import org.hcert.telemetry.rosbag1.Ros1BagSource;

/** Open a recording file as a {@link TelemetrySource}, choosing the reader by the file's extension. */
public final class Recordings {

    private Recordings() {}

    /**
     * Open {@code file}; {@code .ndjson} and {@code .jsonl} are read as hcert NDJSON, {@code .csv} as
     * hcert CSV, {@code .mcap} as MCAP (up to its last valid record), {@code .db3} as one rosbag2
     * sqlite3 file, {@code .bag} as a ROS 1 bag (format 2.0), and a folder as a rosbag2 bag folder
     * ({@code metadata.yaml} and the files it lists, merged). MCAP bodies are decoded by
     * {@link RosBodyDecoders#standard()}: CDR, ROS 1 or JSON.
     *
     * @throws TelemetryException when the extension names no format hcert reads
     */
    public static TelemetrySource open(Path file) {
        return open(file, RosDefinitions.none());
    }

    /**
     * Open several recordings (files or bag folders) as one, their messages merged by log time;
     * one recording is opened as it is.
     */
    public static TelemetrySource open(List<Path> recordings, RosDefinitions definitions) {
        return open(recordings, definitions, null);
    }

    /**
     * Open several recordings as {@link #open(List, RosDefinitions)} does; {@code time}, when given,
     * says where the time of a row or frame is in recordings that have no log time of their own (a
     * vendor's CSV table, an HDF5 episode).
     */
    public static TelemetrySource open(List<Path> recordings, RosDefinitions definitions, @Nullable TimeBase time) {
        if (recordings.size() == 1) {
            return open(recordings.get(0), definitions, time);
        }
        List<TelemetrySource> parts = recordings.stream().map(r -> open(r, definitions, time)).toList();
        return new MergedSource(String.join(" + ", recordings.stream().map(Path::toString).toList()), parts);
    }

    /**
     * Open {@code file} as {@link #open(Path)} does, with {@code definitions} for the message types
     * the recording does not store (rosbag2 bags before Iron store none; the common interfaces are
     * bundled, these add a vendor's). Recordings that carry their definitions (MCAP, ROS 1 bags,
     * rosbag2 from Iron on) keep their own.
     */
    public static TelemetrySource open(Path file, RosDefinitions definitions) {
        return open(file, definitions, null);
    }

    /** Open {@code file} as {@link #open(Path, RosDefinitions)} does, with {@code time} for tables and episodes. */
    public static TelemetrySource open(Path file, RosDefinitions definitions, @Nullable TimeBase time) {
        if (LeRobotSource.isDataset(file)) {
            return new LeRobotSource(file);
        }
        if (Files.isDirectory(file)) {
            return BagFolder.open(file, f -> open(f, definitions, time));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // a FIFO would block the reader forever, a device (/dev/zero) never ends
            throw new TelemetryException("%s: not a regular file (a FIFO, socket or device); hcert reads recordings from files and "
                    .formatted(file) + "bag folders");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return new NdjsonSource(file);
        }
        if (name.endsWith(".csv")) {
            return new CsvSource(file, time);
        }
        if (name.endsWith(".mcap")) {
            return new McapSource(file, RosBodyDecoders.standard());
        }
        if (name.endsWith(".db3")) {
            return Rosbag2SqliteSource.of(file).withFallbackDefinitions(definitions);
        }
        if (name.endsWith(".bag")) {
            return new Ros1BagSource(file);
        }
        if (name.endsWith(".hdf5") || name.endsWith(".h5")) {
            return new Hdf5Source(file, time);
        }
        throw new TelemetryException("%s: unknown recording format; expected a file ending in .ndjson, .jsonl, "
                .formatted(file) + ".csv, .mcap, .db3, .bag, .hdf5 or .h5, or a folder (a rosbag2 bag or a LeRobot dataset)");
    }
}
