package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream indexed-reader conformance check: schemas and channels (first of each id, sorted
 * by id), messages sorted by log time (stable), and statistics, derived from the expected
 * streamed records. Upstream defines it only for files with messages and the features ch, chx,
 * mx, rch and rsh (16 cases). The second test goes further: on every case with messages, the
 * index (from the summary or rebuilt by a scan) yields the same messages in the same order.
 */
class McapIndexedConformanceTest {

    static final Set<String> INDEXED = Set.of("ch", "chx", "mx", "rch", "rsh");
    static final int UPSTREAM_INDEXED_CASES = 16;

    static Stream<Path> upstreamIndexedCases() {
        return McapConformanceTest.cases().stream()
                .filter(p -> hasMessages(p) && McapWriterConformanceTest.features(p).containsAll(INDEXED));
    }

    static Stream<Path> casesWithMessages() {
        return McapConformanceTest.cases().stream().filter(McapIndexedConformanceTest::hasMessages);
    }

    static boolean hasMessages(Path mcap) {
        return records(mcap, "Message").size() > 0;
    }

    static List<JsonNode> records(Path mcap, String type) {
        List<JsonNode> out = new ArrayList<>();
        McapConformanceTest.expected(mcap).get("records").forEach(r -> {
            if (r.get("type").asText().equals(type)) {
                out.add(r);
            }
        });
        return out;
    }

    static long field(JsonNode record, String name) {
        for (JsonNode p : record.get("fields")) {
            if (p.get(0).asText().equals(name)) {
                return Long.parseUnsignedLong(p.get(1).asText());
            }
        }
        throw new AssertionError("no " + name + " in " + record);
    }

    static ArrayNode firstById(Path mcap, String type) {
        Set<Long> seen = new HashSet<>();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        records(mcap, type).stream().filter(r -> seen.add(field(r, "id")))
                .sorted(Comparator.comparingLong(r -> field(r, "id"))).forEach(out::add);
        return out;
    }

    static ArrayNode sortedMessages(Path mcap) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        records(mcap, "Message").stream().sorted(Comparator.comparingLong(r -> field(r, "log_time"))).forEach(out::add);
        return out;
    }

    static ArrayNode indexedMessages(McapReader reader) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        reader.messages().forEachRemaining(m -> out.add(ConformanceJson.of(m)));
        return out;
    }

    @Test
    void findsTheUpstreamIndexedCases() {
        assertThat(upstreamIndexedCases().count()).isEqualTo(UPSTREAM_INDEXED_CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("upstreamIndexedCases")
    void indexedReaderMatchesUpstreamExpectation(Path mcap) {
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        expected.set("schemas", firstById(mcap, "Schema"));
        expected.set("channels", firstById(mcap, "Channel"));
        expected.set("messages", sortedMessages(mcap));
        ArrayNode statistics = JsonNodeFactory.instance.arrayNode();
        records(mcap, "Statistics").forEach(statistics::add);
        expected.set("statistics", statistics);

        ObjectNode actual = JsonNodeFactory.instance.objectNode();
        try (McapReader reader = McapReader.open(mcap)) {
            ArrayNode messages = indexedMessages(reader);
            ArrayNode schemas = actual.putArray("schemas");
            reader.schemas().values().forEach(s -> schemas.add(ConformanceJson.of(s)));
            ArrayNode channels = actual.putArray("channels");
            reader.channels().values().forEach(c -> channels.add(ConformanceJson.of(c)));
            actual.set("messages", messages);
            ArrayNode stats = actual.putArray("statistics");
            reader.statistics().ifPresent(s -> stats.add(ConformanceJson.of(s)));
            assertThat(reader.indexed()).isTrue();
            assertThat(reader.warnings()).isEmpty();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithMessages")
    void indexOrScanYieldsMessagesInLogTimeOrder(Path mcap) {
        try (McapReader reader = McapReader.open(mcap)) {
            assertThat(indexedMessages(reader)).isEqualTo(sortedMessages(mcap));
            assertThat(reader.warnings()).isEmpty();
        }
    }
}
