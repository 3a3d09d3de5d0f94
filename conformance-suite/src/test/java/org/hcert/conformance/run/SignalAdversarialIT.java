package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.recording.Scenario;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.convert.Conversion;
import org.hcert.telemetry.ndjson.NdjsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recordings derived from a healthy HC-1 run to break the signal-bound and stream-health metrics the
 * way a robot, or a recording set-up, could slip through: a second publisher on the temperature
 * topic, a joint state split over two messages, a field missing, a stream that stops mid-run, a
 * declared subject that never reports, and the same run as MCAP (its header stamps read by the
 * fast CDR path). Each must get the verdict the evidence supports, never a PASS it does not.
 */
class SignalAdversarialIT {

    private static final Scenario WALK = Scenario.until(6_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0));
    private static final List<String> TEMPERATURE_CLAUSES = List.of("LC-JNT-02", "AP-HOT-01", "AP-HOT-02", "LC-SENS-01");
    private static final long START_NS = org.hcert.simulator.SimulatorConfig.DEFAULT_EPOCH_NS;

    @TempDir
    static Path dir;

    private static final Map<String, RecordedCertification> CERTIFIED = new ConcurrentHashMap<>();
    private static final List<Message> HEALTHY = new ArrayList<>();

    private static synchronized List<Message> healthy() {
        if (HEALTHY.isEmpty()) {
            WALK.run(HEALTHY::add);
        }
        return HEALTHY;
    }

    /** The healthy run with every message passed through {@code edit} (none, one or more), certified once. */
    private static RecordedCertification derived(String name, Function<Message, List<Message>> edit) {
        return CERTIFIED.computeIfAbsent(name, n -> {
            List<Message> out = new ArrayList<>();
            healthy().forEach(m -> out.addAll(edit.apply(m)));
            out.sort(Comparator.comparingLong(Message::logTimeNs));
            Path file = dir.resolve(n + ".ndjson");
            try (NdjsonWriter w = NdjsonWriter.open(file)) {
                out.forEach(w::write);
            }
            return RecordedCertification.of(file);
        });
    }

    private static Message with(Message m, long logTimeNs, ObjectNode body) {
        return new Message(logTimeNs, m.topic(), m.type(), body, m.origin());
    }

    private static boolean on(Message m, String topic) {
        return m.topic().equals(topic);
    }

    @Test
    void theHealthyRunPassesEverySignalAndStreamClause() {
        RecordedCertification c = derived("healthy", List::of);
        for (String clause : List.of("LC-JNT-02", "LC-JNT-03", "AP-BATT-01", "AP-SCOPE-01", "AP-HOT-01", "AP-HOT-02", "LC-SENS-01")) {
            assertThat(c.verdict(clause)).as(c.reason(clause)).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aSecondPublisherOnTheTemperatureTopicMakesItsClausesInconclusive() {
        // A second node republishes every temperature 1 ms later, 20 K colder: it would mask a hot sensor and fill its gaps.
        RecordedCertification c = derived("two-temperature-publishers", m -> {
            if (!on(m, "/temperatures")) {
                return List.of(m);
            }
            ObjectNode other = m.body().deepCopy();
            other.put("temperature", m.body().get("temperature").asDouble() - 20);
            return List.of(m, with(m, m.logTimeNs() + 1_000_000L, other));
        });
        for (String clause : TEMPERATURE_CLAUSES) {
            assertThat(c.verdict(clause)).as(clause).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.reason(clause)).as(clause).contains("topic /temperatures carries more than one stream: the temperature of ")
                    .contains("jumps away and back faster than a sensor's temperature can change");
        }
        assertThat(c.verdict("LC-JNT-03")).isEqualTo(Verdict.PASS);
    }

    @Test
    void aJointStateSplitOverTwoMessagesChangesNothing() {
        RecordedCertification c = derived("split-joints", m -> on(m, "/joint_states")
                ? List.of(part(m, 0, 10, 0), part(m, 10, 20, 1)) : List.of(m));
        RecordedCertification whole = derived("healthy", List::of);
        assertThat(c.verdict("LC-JNT-03")).as(c.reason("LC-JNT-03")).isEqualTo(Verdict.PASS);
        assertThat(values(c, "LC-JNT-03")).isEqualTo(values(whole, "LC-JNT-03"));
        assertThat(c.verdict("LC-SENS-01")).as(c.reason("LC-SENS-01")).isEqualTo(Verdict.PASS);
    }

    private static List<String> values(RecordedCertification c, String clause) {
        return c.clause(clause).measurements().stream().map(m -> m.quantity() + " " + m.subject() + " " + m.measured()).sorted().toList();
    }

    /** Joints {@code from} to {@code to} of a joint state, {@code shiftNs} later. */
    private static Message part(Message m, int from, int to, long shiftNs) {
        ObjectNode body = m.body().deepCopy();
        for (String field : List.of("name", "position", "velocity", "effort")) {
            ArrayNode all = (ArrayNode) body.get(field);
            ArrayNode some = JsonNodeFactory.instance.arrayNode();
            for (int i = from; i < to; i++) {
                some.add(all.get(i));
            }
            body.set(field, some);
        }
        return with(m, m.logTimeNs() + shiftNs, body);
    }

    @Test
    void aJointStateWithoutEffortsIsNeverReadAsZeroEffort() {
        RecordedCertification c = derived("no-efforts", m -> {
            if (on(m, "/joint_states")) {
                ObjectNode body = m.body().deepCopy();
                body.remove("effort");
                return List.of(with(m, m.logTimeNs(), body));
            }
            return List.of(m);
        });
        assertThat(c.verdict("LC-JNT-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("LC-JNT-03")).contains("left_knee reports an effort in none of its 1200 messages (the field is missing or NaN)");
        // the velocities are still there and judged
        assertThat(c.clause("LC-JNT-03").measurements()).extracting(Measurement::quantity).containsOnly("largest |joint velocity|");
    }

    @Test
    void aBatteryStateWithoutATemperatureIsNeverReadAsZeroDegrees() {
        RecordedCertification c = derived("battery-temperature-null", m -> {
            if (on(m, "/battery")) {
                ObjectNode body = m.body().deepCopy();
                body.putNull("temperature");
                return List.of(with(m, m.logTimeNs(), body));
            }
            return List.of(m);
        });
        assertThat(c.verdict("AP-BATT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-BATT-01")).contains("/battery reports a temperature in none of its 6 messages");
        assertThat(c.clause("AP-BATT-01").measurements()).hasSize(4);
    }

    @Test
    void aTemperatureStreamThatStopsMidRunIsIncompleteAndBelowItsRate() {
        long cut = START_NS + 3_000_000_000L;
        RecordedCertification c = derived("temperatures-stop", m -> on(m, "/temperatures") && m.logTimeNs() > cut ? List.of() : List.of(m));
        assertThat(c.verdict("LC-JNT-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("LC-JNT-02")).contains("left_knee's temperature samples have a gap of 3000 ms at the end of the run");
        assertThat(c.verdict("AP-HOT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.verdict("LC-SENS-01")).isEqualTo(Verdict.FAIL);
        ClauseResult sens = c.clause("LC-SENS-01");
        assertThat(sens.measurements().get(0).subject()).isEqualTo("/temperatures");
        assertThat(sens.measurements().get(0).measured()).isZero();
    }

    @Test
    void aDeclaredSurfaceThatNeverReportsIsNamed() {
        RecordedCertification c = derived("no-right-palm", m -> on(m, "/temperatures")
                && m.body().path("header").path("frame_id").asText().equals("right_palm") ? List.of() : List.of(m));
        assertThat(c.verdict("AP-HOT-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("AP-HOT-01")).contains("right_palm never reports a temperature");
        assertThat(c.verdict("AP-HOT-02")).isEqualTo(Verdict.PASS);
    }

    @Test
    void theSameRunAsMcapGivesTheSameStreamVerdictsThroughItsHeaders() {
        Path ndjson = dir.resolve("healthy.ndjson");
        derived("healthy", List::of);
        Path mcap = dir.resolve("healthy.mcap");
        Conversion.convert(Recordings.open(ndjson), mcap, Conversion.Options.defaults());
        RecordedCertification fromMcap = RecordedCertification.of(mcap);
        RecordedCertification fromNdjson = derived("healthy", List::of);
        for (String clause : List.of("LC-SENS-01", "BC-TIME-01", "LC-JNT-02", "LC-JNT-03")) {
            assertThat(fromMcap.verdict(clause)).as(clause).isEqualTo(fromNdjson.verdict(clause));
        }
        assertThat(values(fromMcap, "LC-SENS-01")).isEqualTo(values(fromNdjson, "LC-SENS-01"));
        // the joint stream's stamps came through CDR: its data age and step back were measured, not left out
        assertThat(fromMcap.clause("LC-SENS-01").measurements()).anySatisfy(m -> {
            assertThat(m.quantity()).startsWith("largest data age");
            assertThat(m.subject()).isEqualTo("/joint_states");
        });
    }
}
