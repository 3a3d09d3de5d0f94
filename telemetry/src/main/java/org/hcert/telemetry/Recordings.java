package org.hcert.telemetry;

import java.nio.file.Path;
import java.util.Locale;
import org.hcert.telemetry.csv.CsvSource;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.hcert.telemetry.rosbag.Rosbag2SqliteSource;

/** Open a recording file as a {@link TelemetrySource}, choosing the reader by the file's extension. */
public final class Recordings {

    private Recordings() {}

    /**
     * Open {@code file}; {@code .ndjson} and {@code .jsonl} are read as hcert NDJSON, {@code .csv} as
     * hcert CSV, {@code .mcap}
     * as MCAP (up to its last valid record), {@code .db3} as one rosbag2 sqlite3 file. MCAP bodies
     * are decoded by {@link RosBodyDecoders#standard()}: CDR, ROS 1 or JSON.
     *
     * @throws TelemetryException when the extension names no format hcert reads
     */
    public static TelemetrySource open(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return new NdjsonSource(file);
        }
        if (name.endsWith(".csv")) {
            return new CsvSource(file);
        }
        if (name.endsWith(".mcap")) {
            return new McapSource(file, RosBodyDecoders.standard());
        }
        if (name.endsWith(".db3")) {
            return Rosbag2SqliteSource.of(file);
        }
        throw new TelemetryException("%s: unknown recording format; expected a file ending in .ndjson, .jsonl, "
                .formatted(file) + ".csv, .mcap or .db3");
    }
}
