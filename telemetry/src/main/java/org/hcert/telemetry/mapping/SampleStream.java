package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
    private final Map<String, List<FieldMapping>> fieldMappings = new HashMap<>();
    /** Further samples of the message the last one came from (a message whose fields feed several roles). */
    private final ArrayDeque<Sample> pending = new ArrayDeque<>();
    /** What was seen per role, counted in place (no boxed count per sample). */
    private final Map<Role, long[]> counts = new EnumMap<>(Role.class);
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private @Nullable Sample next;
    /** The header of the next sample, or null when it is to be read from {@link #nextBody} on demand. */
    private @Nullable MessageHeader nextHeader = MessageHeader.NONE;
    private @Nullable JsonNode nextBody;
    private @Nullable MessageHeader header = MessageHeader.NONE;
    private @Nullable JsonNode body;
    private final Map<String, Set<String>> frames = new java.util.TreeMap<>();
    private final Map<String, String> chosenFrames = new HashMap<>();
    private final Map<String, Long> leftOut = new java.util.TreeMap<>();
    private final Map<String, @Nullable String> lastFrame = new HashMap<>();

    private SampleStream(TelemetrySource source, SignalMapping mapping, Set<Role> roles) {
        for (Role role : roles) {
            for (String topic : mapping.topics(role)) {
                wantedTopics.putIfAbsent(topic, role);
                mapping.chosenFrame(topic).ifPresent(f -> chosenFrames.put(topic, f));
                mapping.fields(topic, role).ifPresent(f -> fieldMappings.computeIfAbsent(topic, t -> new ArrayList<>()).add(f));
            }
        }
        this.mcap = source instanceof McapSource m
                ? McapSamples.open(m, Map.copyOf(wantedTopics), Map.copyOf(chosenFrames), Map.copyOf(fieldMappings)) : null;
        this.cursor = mcap == null ? source.open(Set.copyOf(wantedTopics.keySet())) : null;
    }

    /** Start a pass over {@code source} for the given roles. */
    public static SampleStream open(TelemetrySource source, SignalMapping mapping, Set<Role> roles) {
        Objects.requireNonNull(mapping, "mapping must not be null");
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return new SampleStream(source, mapping, wanted);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !pending.isEmpty()) {
            next = pending.poll();
            return true;
        }
        if (next == null && mcap != null) {
            Sample s = mcap.next();
            if (s != null) {
                seen(s.tNs());
                tally(fieldMappings.containsKey(s.topic()) ? Role.of(s) : Objects.requireNonNull(wantedTopics.get(s.topic())))[0]++;
                next = s;
                nextHeader = mcap.header();
                nextBody = null;
            }
        }
        while (next == null && cursor != null && cursor.hasNext()) {
            Message m = cursor.next();
            seen(m.logTimeNs());
            Role role = wantedTopics.get(m.topic());
            if (role != null && (!role.framePublisher() || take(m.topic(), frameOf(m)))) {
                List<FieldMapping> fields = fieldMappings.get(m.topic());
                if (fields == null) {
                    next = decode(m, role);
                    tally(role)[0]++;
                } else {
                    decode(m, fields, pending);
                    pending.forEach(s -> tally(Role.of(s))[0]++);
                    next = pending.poll();
                }
                if (next != null) {
                    nextHeader = null;
                    nextBody = m.body();
                }
            }
        }
        return next != null;
    }

    /** Whether a message of {@code topic} with {@code frame} is taken; notes its publisher. */
    private boolean take(String topic, @Nullable String frame) {
        String chosen = chosenFrames.get(topic);
        if (chosen != null && !chosen.equals(frame)) {
            leftOut.merge(topic, 1L, Long::sum);
            return false;
        }
        if (!lastFrame.containsKey(topic) || !Objects.equals(lastFrame.get(topic), frame)) {
            lastFrame.put(topic, frame);
            frames.computeIfAbsent(topic, t -> new java.util.TreeSet<>()).add(describeFrame(frame));
        }
        return true;
    }

    /** The {@code header.frame_id} of a message's body, or null when it has none. */
    static @Nullable String frameOf(Message m) {
        JsonNode frame = m.body().path("header").path("frame_id");
        return frame.isTextual() ? frame.textValue() : null;
    }

    /** How a frame sets a publisher apart, for messages: {@code frame_id "odom"} or {@code no frame_id}. */
    static String describeFrame(@Nullable String frame) {
        return frame == null ? "no frame_id" : "frame_id \"" + frame + "\"";
    }

    private void seen(long tNs) {
        firstNs = Math.min(firstNs, tNs);
        lastNs = Math.max(lastNs, tNs);
    }

    /** The samples {@code m} gives through {@code fields}, one per role they feed, appended to {@code into}. */
    static void decode(Message m, List<FieldMapping> fields, ArrayDeque<Sample> into) {
        for (FieldMapping f : fields) {
            Sample s = f.sampleOf(m);
            if (s != null) {
                into.add(s);
            }
        }
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
     * What set apart the publishers of each wanted topic so far: the MCAP channels it came on and,
     * for roles whose frame tells publishers apart ({@link Role#framePublisher()}), the distinct
     * {@code header.frame_id} values of its taken messages (a message without one counts as its own
     * kind). A topic with more than one entry has several publishers.
     */
    public Map<String, Set<String>> publishers() {
        return mcap != null ? mcap.publishers() : frames;
    }

    /** How many messages of each topic were left out so far because their frame was not the one the robot profile chose. */
    public Map<String, Long> leftOut() {
        return mcap != null ? mcap.leftOut() : leftOut;
    }

    /** How many samples of {@code role} were seen so far. */
    public long count(Role role) {
        long[] n = counts.get(role);
        return n == null ? 0 : n[0];
    }

    private long[] tally(Role role) {
        return counts.computeIfAbsent(role, r -> new long[1]);
    }

    /** Log time of the first message seen in the pass (any topic; wanted topics only for MCAP and ROS 1 bags), if any. */
    public Optional<Long> firstTimeNs() {
        return firstNs == Long.MAX_VALUE ? Optional.empty() : Optional.of(firstNs);
    }

    /** Log time of the last message seen so far (any topic; wanted topics only for MCAP and ROS 1 bags), if any. */
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
