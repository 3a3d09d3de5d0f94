package org.hcert.conformance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void writesNothingWhenNoAllureTestCaseIsRunning() throws IOException {
        Path results = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        long before = count(results);
        Limit limit = new Limit("stopTime", 600, "ms", Comparison.AT_MOST, "D", "robot declaration");
        Evidence.show(new Measurement("stop time", 456, limit, TimeWindow.of(0, 1_000_000_000L), "rec.ndjson", "x"));
        Evidence.table("joints", "left_knee 0.1 rad");
        assertThat(count(results)).isEqualTo(before);
        assertThat(Path.of("allure-results")).doesNotExist();
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
