package org.hcert.runner.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.hcert.telemetry.mcap.McapSource;
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
        return of(source, new ArrayList<>());
    }

    /**
     * As {@link #of(TelemetrySource)}; an indexed MCAP file is counted from its message indexes
     * alone (no chunk decompressed), unless they disagree with its statistics record, which goes
     * into {@code problems} and sends it to a full read.
     */
    static List<TopicStats> of(TelemetrySource source, List<String> problems) {
        if (source instanceof McapSource mcap) {
            Optional<List<TopicStats>> fast = fromIndexes(mcap, problems);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
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

    private static Optional<List<TopicStats>> fromIndexes(McapSource source, List<String> problems) {
        Map<Integer, long[]> times;
        Map<Integer, McapRecord.Channel> channels;
        Map<Integer, McapRecord.Schema> schemas;
        Optional<Map<String, Long>> stated;
        try (McapReader reader = source.openReader()) {
            Optional<Map<Integer, long[]>> indexed = reader.indexedLogTimes();
            if (indexed.isEmpty()) {
                return Optional.empty();
            }
            times = indexed.get();
            channels = Map.copyOf(reader.channels());
            schemas = Map.copyOf(reader.schemas());
            stated = reader.statedMessageCounts();
        }
        if (stated.isPresent()) {
            Map<String, Long> listed = new LinkedHashMap<>();
            channels.values().forEach(c -> listed.merge(c.topic(), (long) times.getOrDefault(c.id(), new long[0]).length, Long::sum));
            for (Map.Entry<String, Long> e : stated.get().entrySet()) {
                long count = listed.getOrDefault(e.getKey(), 0L);
                if (count != e.getValue()) {
                    problems.add(("%s: the statistics record counts %d messages on %s, its message indexes list %d; "
                            + "counted by reading every message instead").formatted(source.describe(), e.getValue(), e.getKey(), count));
                    return Optional.empty();
                }
            }
        }
        Map<String, List<Integer>> channelsByTopic = new LinkedHashMap<>();
        channels.values().stream().sorted(java.util.Comparator.comparingInt(McapRecord.Channel::id))
                .forEach(c -> channelsByTopic.computeIfAbsent(c.topic(), k -> new ArrayList<>()).add(c.id()));
        List<TopicStats> out = new ArrayList<>();
        channelsByTopic.forEach((topic, ids) -> {
            TopicStats t = new TopicStats(topic);
            long[] all = ids.size() == 1 ? times.getOrDefault(ids.get(0), new long[0])
                    : ids.stream().map(id -> times.getOrDefault(id, new long[0])).flatMapToLong(java.util.Arrays::stream).toArray();
            sortUnlessSorted(all);
            String type = ids.stream().map(id -> schemas.get(java.util.Objects.requireNonNull(channels.get(id)).schemaId()))
                    .map(sc -> sc == null ? "(no schema)" : RosJsonDecoder.normalise(sc.name())).distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (all.length > 0) {
                t.types.add(type);
            }
            for (long tNs : all) {
                t.addTime(tNs);
            }
            if (t.count > 0) {
                out.add(t);
            }
        });
        out.sort(java.util.Comparator.comparingLong(TopicStats::firstNs));
        checkDecodingByIndex(source, out);
        return Optional.of(List.copyOf(out));
    }

    /**
     * Try to decode the first message of every topic of an indexed MCAP file, each read through the
     * index: only the chunk that holds it is decompressed.
     */
    private static void checkDecodingByIndex(McapSource source, List<TopicStats> topics) {
        Map<String, RawMessageSource.RawMessage> first = source.firstRaw(topics.stream().map(TopicStats::topic).toList());
        for (TopicStats t : topics) {
            RawMessageSource.RawMessage m = first.get(t.topic());
            t.undecodable = m == null ? "" : source.undecodable(m).orElse("");
        }
    }

    /** Sort {@code times} in place, unless (as in a file whose chunks follow each other in time) they already are. */
    private static void sortUnlessSorted(long[] times) {
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                java.util.Arrays.sort(times);
                return;
            }
        }
    }

    private void add(String type, long logTimeNs) {
        types.add(type);
        addTime(logTimeNs);
    }

    private void addTime(long logTimeNs) {
        if (count > 0) {
            long gapNs = logTimeNs - lastNs;
            // a gap no larger than the smallest kept one, and later, would be dropped at once: skip it
            Gap smallest = gaps.peek();
            if (gaps.size() < GAPS_KEPT || smallest == null || gapNs > smallest.gapNs()) {
                gaps.add(new Gap(gapNs, logTimeNs));
                if (gaps.size() > GAPS_KEPT) {
                    gaps.poll();
                }
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
