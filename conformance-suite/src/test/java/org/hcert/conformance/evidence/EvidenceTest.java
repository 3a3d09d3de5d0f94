package org.hcert.conformance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {

    @TempDir
    Path dir;

    @Test
    void writesNothingWhenNoAllureTestCaseIsRunning() throws IOException {
        Evidence evidence = new Evidence(new AllureLifecycle(new FileSystemResultsWriter(dir)));
        Limit limit = new Limit("stopTime", new Quantity(600, Unit.MILLISECOND), Comparison.AT_MOST, "D", "robot declaration");
        evidence.show(Measurement.exact("stop time", 456, limit, TimeWindow.of(0, 1_000_000_000L), "rec.ndjson", "x"));
        evidence.problem("no safety state");
        evidence.table("joints", "left_knee 0.1 rad");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(Path.of("allure-results")).doesNotExist();
    }
}
