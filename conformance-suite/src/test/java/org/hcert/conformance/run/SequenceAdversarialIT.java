package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapWriter;
import org.hcert.telemetry.ndjson.NdjsonSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings derived from HC-1's to slip through the event-sequence and power clauses the way a robot
 * (or a recording set-up) could: a power restore seen only through a 10 Hz safety state, a second
 * publisher on the events topic, a self-test stamped just after the drive enable, an e-stop released
 * and pressed again before its reset. Each must get the verdict the evidence supports.
 */
class SequenceAdversarialIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private Path record(String name, Scenario scenario) throws IOException {
        Path file = dir.resolve(name + ".ndjson");
        scenario.writeNdjson(file);
        return file;
    }

    /** {@code source} with every line passed through {@code edit} (none, one or more lines), in time order. */
    private Path derived(Path source, String name, Function<ObjectNode, List<ObjectNode>> edit) {
        return DerivedRecordings.write(source, dir.resolve(name + ".ndjson"), edit);
    }

    private static boolean event(ObjectNode n, String kind) {
        return n.get("topic").asText().equals("/events") && n.path("msg").path("kind").asText().equals(kind);
    }

    /** No power events; the safety state at 10 Hz only. */
    private static List<ObjectNode> powerOnlyInATenHertzState(ObjectNode n) {
        if (event(n, "power_lost") || event(n, "power_restored")) {
            return List.of();
        }
        if (n.get("topic").asText().equals("/safety/state") && n.get("t").asLong() / MS % 100 != 0) {
            return List.of();
        }
        return List.of(n);
    }

    @Test
    void aPowerRestoreSeenOnlyThroughATenHertzStateIsBracketedAndTooWideABracketIsInconclusive() throws IOException {
        Path healthy = derived(record("restore", PowerClausesIT.CUT_AND_RESTORE), "restore-10hz",
                SequenceAdversarialIT::powerOnlyInATenHertzState);
        RecordedCertification c = RecordedCertification.of(healthy);
        assertThat(c.verdict("SE-STOP-08")).as(c.reason("SE-STOP-08")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-STOP-08")).contains("the power restore was seen only through the sampled safety state, between ")
                .contains("(100 ms), more than maxTriggerUncertainty 20 ms");

        Path restarting = derived(record("restart", PowerClausesIT.CUT_AND_RESTORE.fault(0, Fault.RESTART_AFTER_POWER)),
                "restart-10hz", SequenceAdversarialIT::powerOnlyInATenHertzState);
        assertThat(RecordedCertification.of(restarting).verdict("SE-STOP-08")).isEqualTo(Verdict.FAIL);

        Path powerOn = derived(record("power-on", EventSequenceClausesIT.POWER_ON), "power-on-10hz",
                SequenceAdversarialIT::powerOnlyInATenHertzState);
        RecordedCertification fs = RecordedCertification.of(powerOn);
        assertThat(fs.verdict("SE-FS-03")).as(fs.reason("SE-FS-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(fs.reason("SE-FS-03")).contains("the power_restored was seen only through the sampled safety state, between ");
        // The self-test events, published before the state shows the restore, still count in its window.
        assertThat(fs.clause("SE-FS-03").measurements()).allSatisfy(m -> assertThat(m.measured()).isZero());
    }

    @Test
    void aSecondPublisherOnTheEventsTopicMakesTheSequenceClausesInconclusiveNamingIt() throws IOException {
        Path mcap = withASecondEventsPublisher(record("power-on", EventSequenceClausesIT.POWER_ON), dir.resolve("two-events.mcap"));
        RecordedCertification c = RecordedCertification.of(mcap);
        for (String clause : List.of("SE-FS-03", "SE-STOP-08")) {
            assertThat(c.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.reason(clause)).as(clause).contains("topic /events carries more than one stream: it has 2 publishers (channel ");
        }
    }

    /** The recording as MCAP, with every event also published on a second channel of /events (a relay, a forger). */
    private static Path withASecondEventsPublisher(Path ndjson, Path mcap) {
        Map<String, Integer> channels = new HashMap<>();
        try (McapWriter w = McapWriter.builder().compression(Compression.ZSTD).open(mcap);
                MessageCursor c = new NdjsonSource(ndjson).open()) {
            int second = -1;
            long seq = 0;
            while (c.hasNext()) {
                Message m = c.next();
                int channel = channels.computeIfAbsent(m.topic(), t -> w.registerChannel(t, "json",
                        w.registerSchema(m.type(), "jsonschema", "{}".getBytes(StandardCharsets.UTF_8)), Map.of()));
                byte[] body = m.body().toString().getBytes(StandardCharsets.UTF_8);
                w.write(channel, seq++, m.logTimeNs(), m.logTimeNs(), body);
                if (m.topic().equals("/events")) {
                    if (second < 0) {
                        second = w.registerChannel("/events", "json", w.registerSchema(m.type(), "jsonschema",
                                "{}".getBytes(StandardCharsets.UTF_8)), Map.of("publisher", "relay"));
                    }
                    w.write(second, seq++, m.logTimeNs(), m.logTimeNs(), body);
                }
            }
        }
        return mcap;
    }

    @Test
    void aSelfTestStampedOneMillisecondAfterTheDriveEnableFailsAndOneWithTheSameStampIsInconclusive() throws IOException {
        Path healthy = record("power-on", EventSequenceClausesIT.POWER_ON);
        long enable = eventTime(healthy, "drive_enabled");
        RecordedCertification late = RecordedCertification.of(derived(healthy, "late-self-test", n -> List.of(
                event(n, "self_test_passed") ? n.put("t", enable + MS) : n)));
        assertThat(late.verdict("SE-FS-03")).isEqualTo(Verdict.FAIL);
        assertThat(late.reason("SE-FS-03")).contains("without a self_test_passed before it in the window");

        RecordedCertification same = RecordedCertification.of(derived(healthy, "same-stamp-self-test", n -> List.of(
                event(n, "self_test_passed") ? n.put("t", enable) : n)));
        assertThat(same.verdict("SE-FS-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(same.reason("SE-FS-03")).contains("cannot be told (same time stamp, or inside a sampled bracket)");
    }

    /** The time of the last event of {@code kind} in {@code ndjson}. */
    private static long eventTime(Path ndjson, String kind) throws IOException {
        long t = -1;
        for (String line : Files.readAllLines(ndjson)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            if (event(n, kind)) {
                t = n.get("t").asLong();
            }
        }
        assertThat(t).as("a %s event in %s", kind, ndjson).isPositive();
        return t;
    }

    @Test
    void anEstopReleasedAndPressedAgainBeforeTheResetIsJudgedOverBothReleases() throws IOException {
        Scenario twice = Scenario.until(7_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.Walk(0.5, 0, 0))
                .at(3_000, new Command.EmergencyStop())
                .at(4_000, new Command.ReleaseEmergencyStop())
                .at(4_500, new Command.EmergencyStop())
                .at(5_000, new Command.ReleaseEmergencyStop())
                .attempt(6_000, new Command.Reset());
        RecordedCertification latched = RecordedCertification.of(record("twice", twice));
        assertThat(latched.verdict("SE-ESTOP-03")).as(latched.reason("SE-ESTOP-03")).isEqualTo(Verdict.PASS);
        assertThat(latched.clause("SE-ESTOP-03").measurements()).filteredOn(m -> m.quantity().startsWith("safety-state"))
                .hasSize(2).allSatisfy(m -> assertThat(m.measured()).isZero());

        RecordedCertification unlatched = RecordedCertification.of(record("twice-unlatched", twice.fault(0, Fault.ESTOP_NOT_LATCHED)));
        assertThat(unlatched.verdict("SE-ESTOP-03")).isEqualTo(Verdict.FAIL);
        // First window from the release at 4.0 s to the next at 5.0 s: the states at 4.02 … 4.5 s show the e-stop
        // released (25; the one at 4.5 s was published before the second press); second from 5.0 to 7.0 s: 5.02 … 7.0 s (100).
        assertThat(unlatched.clause("SE-ESTOP-03").measurements()).filteredOn(m -> m.quantity().startsWith("safety-state"))
                .extracting(m -> m.measured()).containsExactlyInAnyOrder(25.0, 100.0);
    }
}
