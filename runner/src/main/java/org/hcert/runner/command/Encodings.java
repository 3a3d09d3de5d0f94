package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;

/**
 * The message encoding of each topic of a recording, as its file format stores it.
 *
 * @param byTopic encodings of MCAP channels by topic
 * @param fallback the encoding of topics not in {@code byTopic}: the file format's only one
 */
record Encodings(Map<String, String> byTopic, String fallback) {

    Encodings {
        byTopic = Map.copyOf(byTopic);
    }

    /**
     * Read the encodings of {@code file}: for MCAP each channel's message and schema encoding
     * ({@code cdr/ros2msg}, {@code json/jsonschema}; several channels on one topic joined by
     * {@code +}); {@code json} for NDJSON, {@code csv} for CSV, {@code cdr} for rosbag2 .db3.
     */
    static Encodings of(Path file) {
        if (org.hcert.telemetry.dataset.LeRobotSource.isDataset(file)) {
            return new Encodings(Map.of(), "parquet");
        }
        if (java.nio.file.Files.isDirectory(file)) {
            // a bag folder: its files hold the same topics; the first one tells their encodings
            return of(org.hcert.telemetry.rosbag.BagFolder.files(file).get(0));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".mcap")) {
            return new Encodings(Map.of(), name.endsWith(".csv") ? "csv" : name.endsWith(".db3") ? "cdr" : name.endsWith(".bag") ? "ros1"
                    : name.endsWith(".hdf5") || name.endsWith(".h5") ? "hdf5" : "json");
        }
        Map<String, String> byTopic = new LinkedHashMap<>();
        try (McapReader reader = McapReader.openRecovering(file)) {
            for (McapRecord.Channel c : reader.channels().values()) {
                McapRecord.Schema schema = reader.schemas().get(c.schemaId());
                String encoding = c.messageEncoding() + (schema == null || schema.encoding().isEmpty() ? "" : "/" + schema.encoding());
                byTopic.merge(c.topic(), encoding, (a, b) -> a.equals(b) ? a : a + "+" + b);
            }
        }
        return new Encodings(byTopic, "");
    }

    /** The encoding of {@code topic}. */
    String of(String topic) {
        return byTopic.getOrDefault(topic, fallback);
    }
}
