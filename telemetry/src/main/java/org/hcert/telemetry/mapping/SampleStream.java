package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mcap.McapSource;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * One streaming pass over a source that yields the decoded samples of the wanted roles, in log-time
 * order, and counts what it saw per role. Messages of other topics are skipped undecoded.
 *
 * <p>An {@link McapSource} is read through its index, on the wanted topics only, and CDR bodies go
 * straight into samples ({@link McapSamples}); other sources are read message by message.
 */
public final class SampleStream implements Iterator<Sample>, Closeable {

    private final @Nullable MessageCursor cursor;
    private final @Nullable McapSamples mcap;
    private final Map<String, Role> wantedTopics = new HashMap<>();
    private final Map<Role, Long> counts = new EnumMap<>(Role.class);
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private @Nullable Sample next;
    /** The header of the next sample, or null when it is to be read from {@link #nextBody} on demand. */
    private @Nullable MessageHeader nextHeader = MessageHeader.NONE;
    private @Nullable JsonNode nextBody;
    private @Nullable MessageHeader header = MessageHeader.NONE;
    private @Nullable JsonNode body;
    private final Map<String, Set<String>> frames = new java.util.TreeMap<>();

    private SampleStream(TelemetrySource source, SignalMapping mapping, Set<Role> roles) {
        for (Role role : roles) {
            counts.put(role, 0L);
            for (String topic : mapping.topics(role)) {
                wantedTopics.put(topic, role);
            }
        }
        this.mcap = source instanceof McapSource m ? McapSamples.open(m, Map.copyOf(wantedTopics)) : null;
        this.cursor = mcap == null ? source.open() : null;
    }

    /** Start a pass over {@code source} for the given roles. */
    public static SampleStream open(TelemetrySource source, SignalMapping mapping, Set<Role> roles) {
        Objects.requireNonNull(mapping, "mapping must not be null");
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return new SampleStream(source, mapping, wanted);
    }

    @Override
    public boolean hasNext() {
        if (next == null && mcap != null) {
            Sample s = mcap.next();
            if (s != null) {
                seen(s.tNs());
                counts.merge(wantedTopics.get(s.topic()), 1L, Long::sum);
                next = s;
                nextHeader = mcap.header();
                nextBody = null;
            }
        }
        while (next == null && cursor != null && cursor.hasNext()) {
            Message m = cursor.next();
            seen(m.logTimeNs());
            Role role = wantedTopics.get(m.topic());
            if (role != null) {
                JsonNode frame = m.body().path("header").path("frame_id");
                if (frame.isTextual() && role != Role.TEMPERATURES) {
                    // a temperature topic names one sensor per message in its frame_id: many frames, one publisher
                    frames.computeIfAbsent(m.topic(), t -> new java.util.TreeSet<>()).add("frame_id \"" + frame.textValue() + "\"");
                }
                next = decode(m, role);
                nextHeader = null;
                nextBody = m.body();
                counts.merge(role, 1L, Long::sum);
            }
        }
        return next != null;
    }

    private void seen(long tNs) {
        firstNs = Math.min(firstNs, tNs);
        lastNs = Math.max(lastNs, tNs);
    }

    /** Check that {@code m}'s type suits {@code role} and decode it. */
    static Sample decode(Message m, Role role) {
        String type = RosJsonDecoder.normalise(m.type());
        if (!role.types().contains(type)) {
            throw new TelemetryFormatException(m.origin(),
                    "topic %s is mapped to role \"%s\", which expects %s, but carries %s"
                            .formatted(m.topic(), role.key(), String.join(" or ", role.types()), m.type()));
        }
        return RosJsonDecoder.decode(m).orElseThrow();
    }

    @Override
    public Sample next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more samples");
        }
        Sample s = Objects.requireNonNull(next);
        next = null;
        header = nextHeader;
        body = nextBody;
        return s;
    }

    /**
     * The {@code std_msgs/Header} of the message the last sample returned by {@link #next()} was
     * decoded from: its source stamp and frame_id, or {@link MessageHeader#NONE} for a type without one.
     */
    public MessageHeader header() {
        MessageHeader h = header;
        if (h == null) {
            JsonNode b = body;
            h = b == null ? MessageHeader.NONE : MessageHeader.of(b);
            header = h;
        }
        return h;
    }

    /**
     * What set apart the publishers of each wanted topic so far: the MCAP channels it came on, or,
     * for other formats, the distinct {@code header.frame_id} values of its messages (but on topics of
     * the temperatures role, whose frame_id names the sensor of each message). A topic with more than
     * one has several publishers.
     */
    public Map<String, Set<String>> publishers() {
        return mcap != null ? mcap.publishers() : frames;
    }

    /** How many samples of {@code role} were seen so far. */
    public long count(Role role) {
        return counts.getOrDefault(role, 0L);
    }

    /** Log time of the first message seen in the pass (any topic; wanted topics only for MCAP), if any. */
    public Optional<Long> firstTimeNs() {
        return firstNs == Long.MAX_VALUE ? Optional.empty() : Optional.of(firstNs);
    }

    /** Log time of the last message seen so far (any topic; wanted topics only for MCAP), if any. */
    public Optional<Long> lastTimeNs() {
        return lastNs == Long.MIN_VALUE ? Optional.empty() : Optional.of(lastNs);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
        if (mcap != null) {
            mcap.close();
        }
    }
}
