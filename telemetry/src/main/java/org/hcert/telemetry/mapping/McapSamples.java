package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.util.Arrays;
import java.util.List;
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
import org.hcert.telemetry.mcap.MessageView;
import org.hcert.telemetry.mcap.MessageViews;
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
    /**
     * The wanted messages through one reused view, the arrays of finished chunks recycled: every
     * body is decoded into a sample (or a JSON body) before the next message, and nothing keeps
     * its bytes, so a pass allocates no chunk arrays after its first few.
     */
    private final MessageViews messages;
    private final Map<String, Role> wanted;
    private final Map<String, String> chosenFrames;
    private final boolean fast;
    private Channel[] channels = new Channel[16];
    private final Map<String, java.util.Set<String>> publishers = new java.util.TreeMap<>();
    private final Map<String, Long> leftOut = new java.util.TreeMap<>();
    private MessageHeader header = MessageHeader.NONE;
    /** Further samples of the message the last one came from (a message whose fields feed several roles). */
    private final java.util.ArrayDeque<Sample> pending = new java.util.ArrayDeque<>();

    private final Map<String, List<FieldMapping>> fieldMappings;

    private McapSamples(McapSource source, McapReader reader, Map<String, Role> wanted, Map<String, String> chosenFrames,
            Map<String, List<FieldMapping>> fieldMappings) {
        this.source = source;
        this.fieldMappings = fieldMappings;
        this.reader = reader;
        this.wanted = wanted;
        this.chosenFrames = chosenFrames;
        this.messages = reader.indexedMessages(0, Long.MAX_VALUE, wanted.keySet());
        this.fast = source.decoder() instanceof RosBodyDecoders;
    }

    /** Start a pass over the topics of {@code wanted}, taking on a topic of {@code chosenFrames} only its chosen frame. */
    static McapSamples open(McapSource source, Map<String, Role> wanted, Map<String, String> chosenFrames,
            Map<String, List<FieldMapping>> fieldMappings) {
        McapReader reader = source.openReader();
        try {
            return new McapSamples(source, reader, wanted, chosenFrames, fieldMappings);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /**
     * What set each wanted topic's publishers apart so far: the MCAP channels it came on and, for
     * roles whose frame tells publishers apart, the frames on each channel.
     */
    Map<String, java.util.Set<String>> publishers() {
        return publishers;
    }

    /** How many messages of each topic were left out because their frame was not the one the profile chose. */
    Map<String, Long> leftOut() {
        return leftOut;
    }

    /** The header of the message of the last sample {@link #next()} returned. */
    MessageHeader header() {
        return header;
    }

    /** The next sample, or null when the pass is over. */
    @Nullable Sample next() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        while (messages.advance()) {
            MessageView m = messages.view();
            Channel c = channel(m.channelId());
            boolean framed = c.role.framePublisher();
            CdrFrameId frameId = c.header;
            if (framed && frameId != null && !take(c, frameId.read(m.data()))) {
                continue;
            }
            CdrSampleDecoder fastDecoder = c.fast;
            Sample s = fastDecoder == null ? null : fastDecoder.decode(m.logTime(), c.topic, m.buffer(), m.dataOffset(), m.dataOffset() + m.dataLength());
            if (s != null && fastDecoder != null) {
                header = fastDecoder.header();
                return s;
            }
            Message message = reference(m, c);
            if (framed && frameId == null && !take(c, SampleStream.frameOf(message))) {
                continue;
            }
            header = MessageHeader.of(message.body());
            List<FieldMapping> fields = fieldMappings.get(message.topic());
            if (fields == null) {
                return SampleStream.decode(message, c.role);
            }
            SampleStream.decode(message, fields, pending);
            if (!pending.isEmpty()) {
                return pending.poll();
            }
        }
        return null;
    }

    /** Whether a message of {@code c} with {@code frame} is taken; notes its publisher. */
    private boolean take(Channel c, @Nullable String frame) {
        String chosen = chosenFrames.get(c.topic);
        if (chosen != null && !chosen.equals(frame)) {
            leftOut.merge(c.topic, 1L, Long::sum);
            return false;
        }
        if (!c.framesSeen || !java.util.Objects.equals(frame, c.lastFrame)) {
            c.framesSeen = true;
            c.lastFrame = frame;
            publishers.computeIfAbsent(c.topic, t -> new java.util.TreeSet<>()).add("channel %d %s".formatted(c.id,
                    SampleStream.describeFrame(frame)));
        }
        return true;
    }

    private Message reference(MessageView m, Channel c) {
        String where = "%s (topic %s, channel %d, sequence %d, log time %d ns)"
                .formatted(source.describe(), c.topic, m.channelId(), m.sequence(), m.logTime());
        JsonNode body;
        try {
            body = source.decoder().decode(c.schema, c.encoding, m.data());
        } catch (TelemetryException e) {
            throw new TelemetryFormatException(where, "cannot decode the %s body: %s".formatted(c.encoding, e.getMessage()), e);
        }
        return new Message(m.logTime(), c.topic, c.schema == null ? "" : c.schema.name(), body, where);
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
        SchemaInfo schema = s == null ? null : s.info();
        boolean typeFits = schema != null && role.types().contains(RosJsonDecoder.normalise(schema.name()))
                && !fieldMappings.containsKey(channel.topic());
        boolean cdr = channel.messageEncoding().equals("cdr");
        CdrSampleDecoder decoder = fast && typeFits && cdr ? CdrSampleDecoder.forSchema(schema).orElse(null) : null;
        if (!role.framePublisher()) {
            publishers.computeIfAbsent(channel.topic(), t -> new java.util.TreeSet<>()).add("channel " + id);
        }
        // ROS 2 CDR bodies of the role's own types begin with a std_msgs/msg/Header
        CdrFrameId header = typeFits && cdr && role.framePublisher() ? new CdrFrameId() : null;
        return new Channel(id, channel.topic(), channel.messageEncoding(), role, schema, decoder, header);
    }

    @Override
    public void close() {
        reader.close();
    }

    /** What is known about one channel: its wanted role, how its bodies are decoded, the last frame it carried. */
    private static final class Channel {
        final int id;
        final String topic;
        final String encoding;
        final Role role;
        final @Nullable SchemaInfo schema;
        final @Nullable CdrSampleDecoder fast;
        final @Nullable CdrFrameId header;
        boolean framesSeen;
        @Nullable String lastFrame;

        Channel(int id, String topic, String encoding, Role role, @Nullable SchemaInfo schema,
                @Nullable CdrSampleDecoder fast, @Nullable CdrFrameId header) {
            this.id = id;
            this.topic = topic;
            this.encoding = encoding;
            this.role = role;
            this.schema = schema;
            this.fast = fast;
            this.header = header;
        }
    }
}
