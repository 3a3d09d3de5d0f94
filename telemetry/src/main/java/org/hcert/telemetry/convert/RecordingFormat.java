package org.hcert.telemetry.convert;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The recording formats hcert writes, chosen by file extension. */
public enum RecordingFormat {
    /** hcert NDJSON: {@code .ndjson} or {@code .jsonl}. */
    NDJSON,
    /** hcert CSV: {@code .csv}. */
    CSV,
    /** MCAP: {@code .mcap}. */
    MCAP;

    /** The format of {@code file} by its extension, or empty when hcert does not write it. */
    public static Optional<RecordingFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of(NDJSON);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        return name.endsWith(".mcap") ? Optional.of(MCAP) : Optional.empty();
    }
}
