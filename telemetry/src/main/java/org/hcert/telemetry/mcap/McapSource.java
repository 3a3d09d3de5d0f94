package org.hcert.telemetry.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.UndecodableMessageException;
import org.jspecify.annotations.Nullable;

/**
 * An MCAP recording as a {@link TelemetrySource}: its messages in log-time order, with the
 * schema name as the type and the body decoded by the {@link BodyDecoder} given.
 *
 * <p>By default a recording whose tail is cut (a crashed live run) is read up to its last valid
 * record; {@link #warnings()} then says what was skipped, so that a verdict can report the
 * evidence as truncated. {@link #strict} makes such a file an error instead.
 */
public final class McapSource implements RawMessageSource {

    private final Path file;
    private final BodyDecoder decoder;
    private final boolean recover;
    private volatile List<String> warnings = List.of();
    private volatile List<String> marks = List.of();
    private volatile @Nullable McapReader lastReader;

    private McapSource(Path file, BodyDecoder decoder, boolean recover) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.decoder = Objects.requireNonNull(decoder, "decoder must not be null");
        this.recover = recover;
    }

    /** Read {@code file} up to its last valid record. */
    public McapSource(Path file, BodyDecoder decoder) {
        this(file, decoder, true);
    }

    /** Read {@code file}, failing on any problem, truncation included. */
    public static McapSource strict(Path file, BodyDecoder decoder) {
        return new McapSource(file, decoder, false);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /**
     * Open a reader on the file as this source reads it (strict, or up to the last valid record),
     * for callers that pick topics and decode bodies themselves; the caller closes it.
     */
    public McapReader openReader() {
        McapReader reader = recover ? McapReader.openRecovering(file) : McapReader.open(file);
        lastReader = reader;
        marks = damageMarks(reader);
        return reader;
    }

    /**
     * The name of the metadata record in which {@code hcert telemetry convert} carries the damage
     * of the recording it converted: each value is one warning, so a converted copy of a damaged
     * recording is as damaged as the original.
     */
    public static final String DAMAGE_METADATA = "hcert.damage";

    private static List<String> damageMarks(McapReader reader) {
        List<String> out = new java.util.ArrayList<>();
        for (McapRecord.MetadataIndex m : reader.metadataIndexes()) {
            if (m.name().equals(DAMAGE_METADATA)) {
                new java.util.TreeMap<>(reader.metadata(m).metadata()).forEach((k, v) -> out.add("converted from a damaged recording: " + v));
            }
        }
        return List.copyOf(out);
    }

    /** The decoder this source gives message bodies to. */
    @Override
    public BodyDecoder decoder() {
        return decoder;
    }

    /** What the last pass skipped, each naming the file and byte offset; empty for a sound file. */
    @Override
    public List<String> warnings() {
        McapReader reader = lastReader;
        List<String> read = reader == null ? warnings : reader.warnings();
        if (marks.isEmpty()) {
            return List.copyOf(read);
        }
        List<String> all = new java.util.ArrayList<>(read);
        all.addAll(marks);
        return List.copyOf(all);
    }

    @Override
    public MessageCursor open() {
        RawCursor raw = openRaw();
        return new MessageCursor() {
            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public Message next() {
                RawMessage m = raw.next();
                JsonNode body;
                try {
                    body = decoder.decode(m.schema(), m.messageEncoding(), m.data());
                } catch (TelemetryException e) {
                    throw new UndecodableMessageException(m.origin(), m.topic(), "topic %s: cannot decode the %s body: %s"
                            .formatted(m.topic(), m.messageEncoding(), e.getMessage()), e);
                }
                return new Message(m.logTimeNs(), m.topic(), m.schema() == null ? "" : m.schema().name(), body, m.origin());
            }

            @Override
            public void close() {
                raw.close();
            }
        };
    }

    /** Every message as stored, with its channel's schema and encoding: nothing is decoded. */
    @Override
    public RawCursor openRaw() {
        McapReader reader = openReader();
        IndexedMessages messages;
        try {
            messages = reader.indexed(0, -1L >>> 1, null);
            warnings = List.copyOf(reader.warnings());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        Iterator<McapRecord.Message> records = messages.records();
        Map<Integer, SchemaInfo> schemas = new HashMap<>();
        return new RawCursor() {
            @Override
            public boolean hasNext() {
                boolean has = records.hasNext();
                warnings = List.copyOf(reader.warnings());
                return has;
            }

            @Override
            public RawMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more messages in " + file);
                }
                McapRecord.Message m = records.next();
                String where = messages.lastWhere();
                McapRecord.Channel channel = reader.channels().get(m.channelId());
                if (channel == null) {
                    throw new TelemetryFormatException(where, "%s: channel %d is not defined by any Channel record"
                            .formatted(messages.lastRecord(), m.channelId()));
                }
                return new RawMessage(m.logTime(), channel.topic(), schema(reader, schemas, channel.schemaId()), channel.messageEncoding(),
                        m.data(), "%s (%s)".formatted(where, messages.lastRecord()));
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    /**
     * The first message of each of {@code topics} as stored, read through the index: only the
     * chunks that hold them are decompressed. A topic without messages is left out.
     */
    public Map<String, RawMessage> firstRaw(java.util.Collection<String> topics) {
        Map<String, RawMessage> out = new java.util.LinkedHashMap<>();
        Map<Integer, SchemaInfo> schemas = new HashMap<>();
        try (McapReader reader = openReader()) {
            for (String topic : topics) {
                java.util.Iterator<McapRecord.Message> first = reader.messages(0, Long.MAX_VALUE, java.util.Set.of(topic));
                if (!first.hasNext()) {
                    continue;
                }
                McapRecord.Message m = first.next();
                McapRecord.Channel channel = reader.channels().get(m.channelId());
                if (channel == null) {
                    throw new TelemetryFormatException(describe(), "channel %d is not defined by any Channel record".formatted(m.channelId()));
                }
                out.put(topic, new RawMessage(m.logTime(), topic, schema(reader, schemas, channel.schemaId()), channel.messageEncoding(),
                        m.data(), "%s (topic %s, log time %d ns)".formatted(describe(), topic, m.logTime())));
            }
        }
        return out;
    }

    /** The MCAP profile the file's header names ({@code ros1}, {@code ros2}, …), empty when none. */
    @Override
    public String profile() {
        // magic (8 bytes), then the Header record: opcode 0x01, length (u64), profile (u32 length, UTF-8)
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(512).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 0);
            b.flip();
            if (b.remaining() < 21 || b.get(8) != 0x01) {
                return "";
            }
            int length = b.getInt(17);
            if (length < 0 || length > b.remaining() - 21) {
                return "";
            }
            byte[] profile = new byte[length];
            b.position(21).get(profile);
            return new String(profile, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static @Nullable SchemaInfo schema(McapReader reader, Map<Integer, SchemaInfo> schemas, int id) {
        if (id == 0) {
            return null;
        }
        return schemas.computeIfAbsent(id, k -> {
            McapRecord.Schema s = reader.schemas().get(k);
            return s == null ? null : s.info();
        });
    }
}
