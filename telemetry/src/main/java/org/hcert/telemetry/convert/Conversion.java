package org.hcert.telemetry.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Consumer;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.ros.CdrEncoder;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.UndecodableMessageException;
import org.hcert.telemetry.csv.CsvWriter;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ndjson.NdjsonWriter;

/**
 * Copy every message of a recording into a new file of the format its extension names. The file
 * is written next to the target under a temporary name and moved into place when complete, so a
 * failed conversion leaves no partial recording behind.
 */
public final class Conversion {

    /**
     * How to write MCAP output (ignored for NDJSON and CSV).
     *
     * @param compression chunk compression; zstd by default
     * @param encoding message bodies as ROS 2 CDR (default) or JSON
     */
    public record Options(Compression compression, BodyEncoding encoding) {

        public Options {
            Objects.requireNonNull(compression, "compression must not be null");
            Objects.requireNonNull(encoding, "encoding must not be null");
        }

        /** zstd chunks and CDR bodies, like a rosbag2 recording. */
        public static Options defaults() {
            return new Options(Compression.ZSTD, BodyEncoding.CDR);
        }
    }

    /**
     * What was written.
     *
     * @param messages the number of messages
     * @param encodingByTopic per topic, in order of first appearance: {@code cdr}, {@code json} or
     *     the source's own encoding (MCAP), {@code json} (NDJSON) or {@code csv}
     * @param damage what the source could not read (a cut tail, a bad chunk, a missing index); an
     *     MCAP output carries it in its {@value McapSource#DAMAGE_METADATA} metadata record, NDJSON
     *     and CSV cannot
     * @param skipped the topics left out because their messages cannot be decoded, each with the
     *     reason (only where the output needs decoded messages: NDJSON, CSV, or MCAP from a source
     *     that cannot hand out its stored bodies)
     */
    public record Result(long messages, Map<String, String> encodingByTopic, List<String> damage, Map<String, String> skipped,
            Map<String, String> keptAsJson) {

        public Result {
            encodingByTopic = Collections.unmodifiableMap(new LinkedHashMap<>(encodingByTopic));
            damage = List.copyOf(damage);
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
            keptAsJson = Collections.unmodifiableMap(new LinkedHashMap<>(keptAsJson));
        }

        Result(long messages, Map<String, String> encodingByTopic) {
            this(messages, encodingByTopic, List.of(), Map.of(), Map.of());
        }
    }

    private Conversion() {}

    /**
     * Convert {@code source} into {@code target}.
     *
     * @throws TelemetryException when the extension of {@code target} names no format hcert writes,
     *     or a message cannot be read or written (naming its origin)
     */
    public static Result convert(TelemetrySource source, Path target, Options options) {
        RecordingFormat format = RecordingFormat.of(target).orElseThrow(() -> new TelemetryException(
                "%s: cannot write this format; expected a file ending in .ndjson, .jsonl, .csv or .mcap".formatted(target)));
        Path dir = java.util.Objects.requireNonNull(target.toAbsolutePath().getParent(), "an absolute file path has a parent");
        Path partial = dir.resolve("." + target.getFileName() + ".partial");
        try {
            Map<String, String> skipped = new LinkedHashMap<>();
            Map<String, Long> read = new LinkedHashMap<>();
            Result result = switch (format) {
                case NDJSON -> ndjson(source, partial, skipped, read);
                case CSV -> csv(source, partial, skipped, read);
                case MCAP -> mcap(source, partial, options, skipped, read);
            };
            move(partial, target);
            return new Result(result.messages(), result.encodingByTopic(), damage(source, read), skipped, result.keptAsJson());
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * What the source could not read, and, for an MCAP source with a statistics record, every topic
     * whose messages read differ in number from what the statistics count (a file whose indexes or
     * records lost messages the statistics still count).
     */
    static List<String> damage(TelemetrySource source, Map<String, Long> read) {
        List<String> out = new java.util.ArrayList<>(source.warnings());
        if (source instanceof McapSource mcap) {
            try (org.hcert.telemetry.mcap.McapReader reader = mcap.openReader()) {
                reader.statedMessageCounts().ifPresent(stated -> {
                    stated.forEach((topic, count) -> {
                        long got = read.getOrDefault(topic, 0L);
                        if (got != count) {
                            out.add("%s: its statistics record counts %d messages on %s, %d were read".formatted(source.describe(), count,
                                    topic, got));
                        }
                    });
                });
            }
        }
        return out;
    }

    private static Result ndjson(TelemetrySource source, Path out, Map<String, String> skipped, Map<String, Long> read) {
        Map<String, String> topics = new LinkedHashMap<>();
        try (NdjsonWriter writer = NdjsonWriter.open(out)) {
            return new Result(copy(source, skipped, read, m -> {
                topics.putIfAbsent(m.topic(), "json");
                writer.write(m);
            }), topics);
        }
    }

    private static Result csv(TelemetrySource source, Path out, Map<String, String> skipped, Map<String, Long> read) {
        Map<String, String> topics = new LinkedHashMap<>();
        // a first pass for the columns, over the same messages the copy takes (undecodable topics left out)
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        copy(source, new LinkedHashMap<>(), new LinkedHashMap<>(), m -> CsvWriter.addColumns(m, columns));
        try (CsvWriter writer = CsvWriter.open(out, List.copyOf(columns))) {
            return new Result(copy(source, skipped, read, m -> {
                topics.putIfAbsent(m.topic(), "csv");
                writer.write(m);
            }), topics);
        }
    }

    private static Result mcap(TelemetrySource source, Path out, Options options, Map<String, String> skipped,
            Map<String, Long> read) {
        if (source instanceof RawMessageSource raw) {
            // MCAP carries any schema and encoding: the messages are copied as stored, not re-encoded
            try (McapMessageWriter writer = new McapMessageWriter(out, options.compression(), options.encoding(), raw.profile());
                    RawMessageSource.RawCursor cursor = raw.openRaw()) {
                long n = 0;
                while (cursor.hasNext()) {
                    RawMessageSource.RawMessage m = cursor.next();
                    read.merge(m.topic(), 1L, Long::sum);
                    writer.writeRaw(m);
                    n++;
                }
                writer.markDamage(damage(source, read));
                return new Result(n, writer.encodingByTopic());
            }
        }
        Map<String, String> json = options.encoding() == BodyEncoding.CDR ? absentFlags(source) : Map.of();
        try (McapMessageWriter writer = new McapMessageWriter(out, options.compression(), options.encoding(), json.keySet())) {
            long n = copy(source, skipped, read, writer::write);
            writer.markDamage(damage(source, read));
            return new Result(n, writer.encodingByTopic(), List.of(), Map.of(), json);
        }
    }

    /**
     * The topics whose messages lack a flag or a text that CDR would have to write as {@code false} or {@code ""}, each with
     * the first such message and field: they are written as JSON, which keeps the flag absent. One
     * pass over the source before the copy.
     */
    static Map<String, String> absentFlags(TelemetrySource source) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Optional<CdrEncoder>> encoders = new java.util.HashMap<>();
        copy(source, new LinkedHashMap<>(), new LinkedHashMap<>(), m -> {
            Optional<CdrEncoder> cdr = out.containsKey(m.topic()) ? Optional.empty() : encoders.computeIfAbsent(m.type(), CdrEncoder::bundled);
            cdr.flatMap(c -> c.absentFlag(m.body())).ifPresent(field -> out.put(m.topic(),
                    "%s: field %s is absent, and CDR has no way to say so".formatted(m.origin(), field)));
        });
        return out;
    }

    /**
     * Copy every message into {@code sink}; a topic whose messages cannot be decoded is left out
     * from its first such message on, and named in {@code skipped} with the reason (the other topics
     * are copied whole). Any other problem of the source stops the copy.
     */
    private static long copy(TelemetrySource source, Map<String, String> skipped, Map<String, Long> read, Consumer<Message> sink) {
        long n = 0;
        try (MessageCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Message m;
                try {
                    m = cursor.next();
                } catch (UndecodableMessageException e) {
                    skipped.putIfAbsent(e.topic(), e.getMessage());
                    read.merge(e.topic(), 1L, Long::sum);
                    continue;
                }
                read.merge(m.topic(), 1L, Long::sum);
                if (!skipped.containsKey(m.topic())) {
                    sink.accept(m);
                    n++;
                }
            }
        }
        return n;
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move %s to %s".formatted(from, to), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: a leftover hidden .partial file is harmless.
        }
    }
}
