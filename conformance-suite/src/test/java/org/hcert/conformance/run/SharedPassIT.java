package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.mcap.McapSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On a recording, one shared pass serves every scenario's metric: the verdicts, reasons and
 * measurements are exactly those of one pass per scenario, and the recording is read once.
 */
class SharedPassIT {

    private static final Path RECORDINGS = Path.of("../samples/recordings");
    private static final RobotProfile ROBOT = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile STANDARD =
            ProfileLoader.loadStandard(Path.of("../profiles/standards/heis-2026.yaml"));

    @TempDir
    Path dir;

    /** A run's clause results, and how often it opened the recording. */
    private record Run(List<ClauseResult> results, int opens, int sharedPasses) {}

    private static Run certify(RobotProfile robot, Path recording, boolean sharedPass) {
        Plan plan = Plan.of(robot, STANDARD);
        TelemetrySource source = Recordings.open(recording);
        // An MCAP source is read through its index (not open()), so it is not wrapped: only NDJSON passes are counted.
        @Nullable Counting counting = source instanceof McapSource ? null : new Counting(source);
        CertificationContext context = new CertificationContext(robot, STANDARD, counting != null ? counting : source);
        List<ScenarioOutcome> outcomes = FeatureRun.execute(context,
                new FeatureRun.Options(FeatureRun.BUNDLED_FEATURES, plan.tagExpression(), List.of(), sharedPass));
        return new Run(ClauseVerdicts.of(plan, outcomes), counting == null ? -1 : counting.opens.get(),
                context.sharedPass().passes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant.ndjson", "conformant.mcap", "slow-estop.ndjson", "joint-overrun.ndjson",
        "fall.ndjson", "missing-safety-topic.ndjson"})
    void givesTheSameVerdictsReasonsAndMeasurementsAsOnePassPerScenario(String name) {
        Run shared = certify(ROBOT, RECORDINGS.resolve(name), true);
        Run alone = certify(ROBOT, RECORDINGS.resolve(name), false);
        assertThat(shared.results()).hasSize(4).isEqualTo(alone.results());
        assertThat(shared.results()).flatExtracting(ClauseResult::measurements).isNotEmpty();
        assertThat(shared.sharedPasses()).isEqualTo(1);
        assertThat(alone.sharedPasses()).isZero();
    }

    @Test
    void readsTheRecordingOnceForAllClauses() {
        Run shared = certify(ROBOT, RECORDINGS.resolve("conformant.ndjson"), true);
        Run alone = certify(ROBOT, RECORDINGS.resolve("conformant.ndjson"), false);
        assertThat(shared.results()).extracting(ClauseResult::verdict).containsOnly(Verdict.PASS);
        assertThat(shared.opens()).isEqualTo(1);
        assertThat(alone.opens()).isEqualTo(4);
    }

    @Test
    void damagedRecordingIsInconclusiveForEveryClauseWithTheSameReasons() throws IOException {
        List<String> lines = Files.readAllLines(RECORDINGS.resolve("conformant.ndjson"));
        Path cut = dir.resolve("truncated.ndjson");
        Files.write(cut, List.copyOf(lines.subList(0, 1000)));
        Files.writeString(cut, lines.get(1000).substring(0, 40) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Run shared = certify(ROBOT, cut, true);
        assertThat(shared.results()).hasSize(4)
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
        assertThat(shared.results()).isEqualTo(certify(ROBOT, cut, false).results());
    }

    @Test
    void mcapWithACutTailIsInconclusiveForEveryClauseWithTheSameReasons() throws IOException {
        byte[] bytes = Files.readAllBytes(RECORDINGS.resolve("conformant.mcap"));
        Path cut = dir.resolve("cut.mcap");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 5));
        Run shared = certify(ROBOT, cut, true);
        assertThat(shared.results()).hasSize(4)
                .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE))
                .allSatisfy(r -> assertThat(r.reason()).startsWith("recording " + cut + " is damaged and was read only in part: "));
        assertThat(shared.results()).isEqualTo(certify(ROBOT, cut, false).results());
    }

    @Test
    void clauseWhoseRoleIsNotMappedIsInconclusiveWithTheSameMessage() throws IOException {
        Path profile = dir.resolve("no-safety-topic.yaml");
        Files.writeString(profile, Files.readString(Path.of("../profiles/robots/hc1-demo.yaml"))
                .replace("  safety_state: [/safety/state]\n", ""));
        RobotProfile robot = ProfileLoader.loadRobot(profile);
        Run shared = certify(robot, RECORDINGS.resolve("conformant.ndjson"), true);
        ClauseResult estop = shared.results().stream().filter(r -> r.clauseId().equals("SE-ESTOP-01")).findFirst()
                .orElseThrow();
        assertThat(estop.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(estop.reason()).isEqualTo("robot profile %s maps no topic to role safety_state (topics.safety_state)"
                .formatted(profile));
        assertThat(shared.results()).isEqualTo(certify(robot, RECORDINGS.resolve("conformant.ndjson"), false).results());
        assertThat(shared.opens()).isEqualTo(1);
    }

    /** A source that counts the passes opened on it; not an MCAP source, so every pass goes through {@link #open()}. */
    private static final class Counting implements TelemetrySource {
        final TelemetrySource inner;
        final AtomicInteger opens = new AtomicInteger();

        Counting(TelemetrySource inner) {
            this.inner = inner;
        }

        @Override
        public String describe() {
            return inner.describe();
        }

        @Override
        public MessageCursor open() {
            opens.incrementAndGet();
            return inner.open();
        }

        @Override
        public List<String> warnings() {
            return inner.warnings();
        }
    }
}
