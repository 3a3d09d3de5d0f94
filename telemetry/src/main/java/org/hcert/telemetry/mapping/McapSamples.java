package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ros.CdrSampleDecoder;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * The samples of the wanted topics of an MCAP recording, in log-time order: messages of other
 * topics are never read (the index skips them, and chunks without a wanted message are not even
 * decompressed), and CDR bodies of the types hcert reads go straight into typed samples
 * ({@link CdrSampleDecoder}). A body the fast path does not accept, and every body of another
 * encoding, is decoded by the source's own {@link org.hcert.telemetry.BodyDecoder} and
 * {@link RosJsonDecoder}, as {@link McapSource} would.
 */
final class McapSamples implements Closeable {

    private final McapSource source;
    private final McapReader reader;
    private final Iterator<McapRecord.Message> messages;
    private final Map<String, Role> wanted;
    private final boolean fast;
    private Channel[] channels = new Channel[16];
    private final Map<String, java.util.Set<String>> publishers = new java.util.TreeMap<>();
    private MessageHeader header = MessageHeader.NONE;

    private McapSamples(McapSource source, McapReader reader, Map<String, Role> wanted) {
        this.source = source;
        this.reader = reader;
        this.wanted = wanted;
        this.messages = reader.messages(0, Long.MAX_VALUE, wanted.keySet());
        this.fast = source.decoder() instanceof RosBodyDecoders;
    }

    /** Start a pass over the topics of {@code wanted}. */
    static McapSamples open(McapSource source, Map<String, Role> wanted) {
        McapReader reader = source.openReader();
        try {
            return new McapSamples(source, reader, wanted);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The MCAP channels each wanted topic came on, as {@code channel N}, so far. */
    Map<String, java.util.Set<String>> publishers() {
        return publishers;
    }

    /** The next sample, or null when the pass is over. */
    @Nullable Sample next() {
        if (!messages.hasNext()) {
            return null;
        }
        McapRecord.Message m = messages.next();
        Channel c = channel(m.channelId());
        Sample s = c.fast == null ? null : c.fast.decode(m.logTime(), c.topic, m.data());
        if (s != null && c.fast != null) {
            header = c.fast.header();
            return s;
        }
        return reference(m, c);
    }

    /** The header of the message of the last sample {@link #next()} returned. */
    MessageHeader header() {
        return header;
    }

    private Sample reference(McapRecord.Message m, Channel c) {
        String where = "%s (topic %s, channel %d, sequence %d, log time %d ns)"
                .formatted(source.describe(), c.topic, m.channelId(), m.sequence(), m.logTime());
        JsonNode body;
        try {
            body = source.decoder().decode(c.schema, c.encoding, m.data());
        } catch (TelemetryException e) {
            throw new TelemetryFormatException(where, "cannot decode the %s body: %s".formatted(c.encoding, e.getMessage()), e);
        }
        Sample s = SampleStream.decode(new Message(m.logTime(), c.topic, c.schema == null ? "" : c.schema.name(), body, where),
                c.role);
        header = MessageHeader.of(body);
        return s;
    }

    private Channel channel(int id) {
        if (id >= channels.length) {
            channels = Arrays.copyOf(channels, Math.max(id + 1, channels.length * 2));
        }
        Channel c = channels[id];
        if (c == null) {
            c = describe(id);
            channels[id] = c;
        }
        return c;
    }

    private Channel describe(int id) {
        McapRecord.Channel channel = reader.channels().get(id);
        if (channel == null) {
            throw new TelemetryFormatException(source.describe(), "channel %d is not defined by any Channel record".formatted(id));
        }
        Role role = Objects.requireNonNull(wanted.get(channel.topic()), "the index returned an unwanted topic");
        McapRecord.Schema s = channel.schemaId() == 0 ? null : reader.schemas().get(channel.schemaId());
        SchemaInfo schema = null;
        if (s != null) {
            byte[] data = new byte[s.data().remaining()];
            s.data().duplicate().get(data);
            schema = new SchemaInfo(s.name(), s.encoding(), data);
        }
        boolean typeFits = schema != null && role.types().contains(RosJsonDecoder.normalise(schema.name()));
        CdrSampleDecoder decoder = fast && typeFits && channel.messageEncoding().equals("cdr")
                ? CdrSampleDecoder.forSchema(schema).orElse(null) : null;
        publishers.computeIfAbsent(channel.topic(), t -> new java.util.TreeSet<>()).add("channel " + id);
        return new Channel(channel.topic(), channel.messageEncoding(), role, schema, decoder);
    }

    @Override
    public void close() {
        reader.close();
    }

    /** What is known about one channel: its wanted role and how its bodies are decoded. */
    private record Channel(String topic, String encoding, Role role, @Nullable SchemaInfo schema,
            @Nullable CdrSampleDecoder fast) {}
}
