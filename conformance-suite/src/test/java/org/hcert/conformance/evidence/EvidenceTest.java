package org.hcert.conformance.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {

    private static final Limit STOP_TIME = new Limit("stopTime", new Quantity(600, Unit.MILLISECOND), Comparison.AT_MOST, "D",
            "robot declaration");

    @TempDir
    Path dir;

    @Test
    void writesNothingWhenNoAllureTestCaseIsRunning() throws IOException {
        Evidence evidence = new Evidence(new AllureLifecycle(new FileSystemResultsWriter(dir)));
        evidence.show("SE-ESTOP-01", Measurement.exact("stop time", 456, STOP_TIME, TimeWindow.of(0, 1_000_000_000L), "rec.ndjson", "x"),
                List.of(speed(0.45)));
        evidence.problem("no safety state");
        evidence.table("joints", "left_knee 0.1 rad");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(Path.of("allure-results")).doesNotExist();
    }

    /** A robot that stops in 0.75 s against a 600 ms limit: the step carries the numbers, the plot and the CSV. */
    @Test
    void aFailingStopIsShownWithItsNumbersAsParametersItsPlotAndItsSignalsAsCsv() throws IOException {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(dir));
        lifecycle.scheduleTestCase(new TestResult().setUuid("case").setName("SE-ESTOP-01"));
        lifecycle.startTestCase("case");
        Measurement m = Measurement.exact("stop time", 750, STOP_TIME, TimeWindow.of(1_000_000_000L, 4_000_000_000L),
                "rec.ndjson, topics /joint_states", "x");
        new Evidence(lifecycle).show("SE-ESTOP-01", m, List.of(speed(0.75)));
        lifecycle.stopTestCase("case");
        lifecycle.writeTestCase("case");

        JsonNode result;
        try (Stream<Path> files = Files.list(dir)) {
            Path json = files.filter(p -> p.toString().endsWith("-result.json")).findFirst().orElseThrow();
            result = new ObjectMapper().readTree(json.toFile());
        }
        JsonNode step = result.at("/steps/0");
        assertThat(step.get("status").asText()).isEqualTo("failed");
        List<String> parameters = new ArrayList<>();
        step.get("parameters").forEach(p -> parameters.add(p.get("name").asText() + "=" + p.get("value").asText()));
        assertThat(parameters).contains("measured=750", "limit=≤ 600", "unit=ms", "margin=beyond by 150 ms", "evidence label=D");
        List<String> types = new ArrayList<>();
        step.get("attachments").forEach(a -> types.add(a.get("type").asText()));
        assertThat(types).containsExactly("text/plain", "image/png", "text/csv");

        Path plot = dir.resolve(step.at("/attachments/1/source").asText());
        Files.copy(plot, Files.createDirectories(Path.of("target")).resolve("evidence-plot-stop-time.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage png = ImageIO.read(plot.toFile());
        assertThat(png.getWidth()).isEqualTo(960);
        assertThat(countColour(png, 0xC62828)).as("red pixels of the limit line").isGreaterThan(100);
        assertThat(countBluish(png)).as("blue pixels of the measured instant").isGreaterThan(50);

        List<String> csv = Files.readAllLines(dir.resolve(step.at("/attachments/2/source").asText()), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("signal,unit,t_from_window_start_s,utc,min,max");
        assertThat(csv).hasSize(1 + 301);
        assertThat(csv.get(1)).startsWith("base speed,m/s,0.0,1970-01-01T00:00:01Z,0.5,0.5");
    }

    @Test
    void aValueLimitIsDrawnAsALevelInTheLimitsUnit() throws IOException {
        Limit kmh = new Limit("baseSpeed", new Quantity(6, Unit.KILOMETRE_PER_HOUR), Comparison.AT_MOST, "C", "standard");
        TraceRecorder r = new TraceRecorder("speed of base", "m/s", Trace.LimitOn.VALUE, Optional.empty());
        for (int i = 0; i <= 100; i++) {
            r.add(i * 10_000_000L, 1.0 + 0.5 * Math.sin(i / 10.0));
        }
        Measurement m = Measurement.exact("largest base speed", 5.4, kmh, TimeWindow.of(0, 1_000_000_000L), "rec", "x");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(EvidencePlot.png("AP-SCOPE-01", m, List.of(r.trace()))));
        assertThat(countColour(png, 0xC62828)).isGreaterThan(300);
    }

    @Test
    void aThresholdIsDrawnInTheUnitTheSignalIsDrawnIn() throws IOException {
        // the signal (0.5 to 1.5 m/s) is drawn in the limit's km/h; the declared level 1.5 m/s must sit at 5.4 km/h, above the signal's middle
        Limit kmh = new Limit("frameSpeed", new Quantity(6, Unit.KILOMETRE_PER_HOUR), Comparison.AT_MOST, "C", "standard");
        TraceRecorder r = new TraceRecorder("speed of hand", "m/s", Trace.LimitOn.VALUE, Optional.of(new Trace.Threshold(1.5, "declared")));
        for (int i = 0; i <= 100; i++) {
            r.add(i * 10_000_000L, 1.0 + 0.5 * Math.sin(i / 10.0));
        }
        Measurement m = Measurement.exact("largest hand speed", 5.4, kmh, TimeWindow.of(0, 1_000_000_000L), "rec", "x");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(EvidencePlot.png("SE-SPD-01", m, List.of(r.trace()))));
        double[] grey = meanRow(png, 0x616161);
        double[] green = meanRow(png, 0x2E7D32);
        assertThat(grey[1]).as("pixels of the dashed level").isGreaterThan(100);
        assertThat(grey[0]).as("the level's row against the signal's mean row").isLessThan(green[0]);
    }

    /** The mean row of the pixels of colour {@code rgb}, and their count. */
    private static double[] meanRow(BufferedImage img, int rgb) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    sum += y;
                    n++;
                }
            }
        }
        return new double[] {n == 0 ? Double.NaN : sum / n, n};
    }

    /** A stop trace: 0.5 m/s falling linearly to standstill at {@code stopS}, sampled every 10 ms for 3 s. */
    private static Trace speed(double stopS) {
        TraceRecorder r = new TraceRecorder("base speed", "m/s", Trace.LimitOn.TIME_FROM_START,
                Optional.of(new Trace.Threshold(0.01, "standstillBaseSpeed")));
        for (int i = 0; i <= 300; i++) {
            double t = i / 100.0;
            r.add(1_000_000_000L + i * 10_000_000L, Math.max(0, 0.5 * (1 - t / stopS)));
        }
        return r.trace();
    }

    private static int countBluish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int b = rgb & 0xFF;
                if (b > 150 && r < 100) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int countColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
