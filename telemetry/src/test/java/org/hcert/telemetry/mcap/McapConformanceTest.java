package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.hcert.telemetry.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run the upstream MCAP conformance suite (foxglove/mcap tests/conformance, 416 cases) against our
 * streamed reader. No case is excluded: the streamed runner defines an expectation for every file.
 */
class McapConformanceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int CASES = 416;

    static Path dataDir() {
        return TestData.mcapConformance();
    }

    static List<Path> cases() {
        try (Stream<Path> files = Files.walk(dataDir())) {
            return files.filter(p -> p.toString().endsWith(".mcap")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(Path mcap) {
        try {
            return JSON.readTree(Path.of(mcap.toString().replaceFirst("\\.mcap$", ".json")).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode streamed(Path mcap) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        try (McapReader reader = McapReader.open(mcap)) {
            for (Iterator<McapRecord> it = reader.records(); it.hasNext(); ) {
                McapRecord r = it.next();
                if (!(r instanceof McapRecord.MessageIndex)) {
                    out.add(ConformanceJson.of(r));
                }
            }
            assertThat(reader.warnings()).isEmpty();
        }
        return out;
    }

    @Test
    void findsEveryUpstreamCase() {
        assertThat(cases()).hasSize(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void streamedReaderPrintsExpectedRecords(Path mcap) {
        assertThat(streamed(mcap)).isEqualTo(expected(mcap).get("records"));
    }
}
