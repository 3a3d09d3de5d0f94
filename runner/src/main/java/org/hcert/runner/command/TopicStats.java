package org.hcert.runner.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * What one pass over a recording shows about each topic: types, message count, first and last
 * log time, and the largest gaps between consecutive messages. Memory grows with the number of
 * topics, not with the length of the recording.
 */
final class TopicStats {

    /** How many of the largest gaps are kept per topic: {@value}. */
    static final int GAPS_KEPT = 3;

    /** A gap of {@code gapNs} nanoseconds ending at the message logged at {@code endNs}. */
    record Gap(long gapNs, long endNs) {}

    private final String topic;
    private final Set<String> types = new LinkedHashSet<>();
    /** The largest gaps so far; the head is the one to drop next (smallest, latest among equals). */
    private final PriorityQueue<Gap> gaps = new PriorityQueue<>(
            Comparator.comparingLong(Gap::gapNs).thenComparing(Comparator.comparingLong(Gap::endNs).reversed()));
    private long count;
    /** Why hcert cannot decode the topic's first message, or empty (only known when the source hands out stored bodies). */
    private String undecodable = "";
    private long firstNs;
    private long lastNs;

    private TopicStats(String topic) {
        this.topic = topic;
    }

    /** Read every message of {@code source}; topics in order of first appearance. */
    static List<TopicStats> of(TelemetrySource source) {
        Map<String, TopicStats> byTopic = new LinkedHashMap<>();
        if (source instanceof RawMessageSource raw) {
            // counts, types and times need no decoding
            try (RawMessageSource.RawCursor cursor = raw.openRaw()) {
                while (cursor.hasNext()) {
                    RawMessageSource.RawMessage m = cursor.next();
                    TopicStats t = byTopic.computeIfAbsent(m.topic(), TopicStats::new);
                    if (t.count == 0) {
                        t.undecodable = raw.undecodable(m).orElse("");
                    }
                    t.add(m.schema() == null ? "(no schema)" : RosJsonDecoder.normalise(m.schema().name()), m.logTimeNs());
                }
            }
            return List.copyOf(byTopic.values());
        }
        try (MessageCursor cursor = source.open()) {
            while (cursor.hasNext()) {
                Message m = cursor.next();
                byTopic.computeIfAbsent(m.topic(), TopicStats::new).add(m.type(), m.logTimeNs());
            }
        }
        return List.copyOf(byTopic.values());
    }

    private void add(String type, long logTimeNs) {
        types.add(type);
        if (count > 0) {
            gaps.add(new Gap(logTimeNs - lastNs, logTimeNs));
            if (gaps.size() > GAPS_KEPT) {
                gaps.poll();
            }
        } else {
            firstNs = logTimeNs;
        }
        lastNs = logTimeNs;
        count++;
    }

    String undecodable() {
        return undecodable;
    }

    String topic() {
        return topic;
    }

    /** The message types seen on this topic, in order of first appearance (normally one). */
    List<String> types() {
        return List.copyOf(types);
    }

    long count() {
        return count;
    }

    long firstNs() {
        return firstNs;
    }

    long lastNs() {
        return lastNs;
    }

    /** Messages per second over the topic's own span, NaN with fewer than two messages or no span. */
    double rateHz() {
        return count < 2 || lastNs == firstNs ? Double.NaN : (count - 1) / ((lastNs - firstNs) / 1e9);
    }

    /** The largest gaps, largest first (ties: earliest first). */
    List<Gap> largestGaps() {
        List<Gap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparingLong(Gap::gapNs).reversed().thenComparingLong(Gap::endNs));
        return sorted;
    }
}
