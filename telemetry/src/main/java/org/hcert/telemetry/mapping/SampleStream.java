package org.hcert.telemetry.mapping;

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
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;

/**
 * One streaming pass over a source that yields the decoded samples of the wanted roles, in log-time
 * order, and counts what it saw per role. Messages of other topics are skipped undecoded.
 */
public final class SampleStream implements Iterator<Sample>, Closeable {

    private final MessageCursor cursor;
    private final Map<String, Role> wantedTopics = new HashMap<>();
    private final Map<Role, Long> counts = new EnumMap<>(Role.class);
    private long firstNs = Long.MAX_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private @Nullable Sample next;

    private SampleStream(MessageCursor cursor, SignalMapping mapping, Set<Role> roles) {
        this.cursor = cursor;
        for (Role role : roles) {
            counts.put(role, 0L);
            for (String topic : mapping.topics(role)) {
                wantedTopics.put(topic, role);
            }
        }
    }

    /** Start a pass over {@code source} for the given roles. */
    public static SampleStream open(TelemetrySource source, SignalMapping mapping, Set<Role> roles) {
        Objects.requireNonNull(mapping, "mapping must not be null");
        Set<Role> wanted = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        return new SampleStream(source.open(), mapping, wanted);
    }

    @Override
    public boolean hasNext() {
        while (next == null && cursor.hasNext()) {
            Message m = cursor.next();
            firstNs = Math.min(firstNs, m.logTimeNs());
            lastNs = Math.max(lastNs, m.logTimeNs());
            Role role = wantedTopics.get(m.topic());
            if (role != null) {
                next = decode(m, role);
                counts.merge(role, 1L, Long::sum);
            }
        }
        return next != null;
    }

    private static Sample decode(Message m, Role role) {
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
        return s;
    }

    /** How many samples of {@code role} were seen so far. */
    public long count(Role role) {
        return counts.getOrDefault(role, 0L);
    }

    /** Log time of the first message seen in the pass (any topic), if any. */
    public Optional<Long> firstTimeNs() {
        return firstNs == Long.MAX_VALUE ? Optional.empty() : Optional.of(firstNs);
    }

    /** Log time of the last message seen so far (any topic), if any. */
    public Optional<Long> lastTimeNs() {
        return lastNs == Long.MIN_VALUE ? Optional.empty() : Optional.of(lastNs);
    }

    @Override
    public void close() {
        cursor.close();
    }
}
