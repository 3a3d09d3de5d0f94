package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.ndjson.NdjsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream-health clauses three ways, each from a recording HC-1 makes on a simulated clock. HC-1
 * publishes its safety state as hcert/msg/SafetyState, which has no header and so no stamp: its
 * recordings cannot show the safety stream's clock, and BC-TIME-01 is INCONCLUSIVE on them. The
 * passing and failing BC-TIME-01 recordings are HC-1's with each safety state given the header a
 * stamping bridge would add (stamped on the robot clock, the clock HC-1 samples it on).
 */
class StreamHealthClausesIT {

    private static final Scenario WALK = Scenario.until(6_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0));

    @TempDir
    static Path dir;

    private static final Map<String, RecordedCertification> CERTIFIED = new ConcurrentHashMap<>();

    private static RecordedCertification certify(String name, Scenario scenario, boolean stampSafety) {
        return CERTIFIED.computeIfAbsent(name, n -> {
            Path file = dir.resolve(n + ".ndjson");
            try (NdjsonWriter out = NdjsonWriter.open(file)) {
                scenario.run(m -> out.write(stampSafety && m.topic().equals("/safety/state") ? stamped(m) : m));
            }
            return RecordedCertification.of(file);
        });
    }

    /** {@code m} with a std_msgs/Header stamped at its log time (the robot clock). */
    static Message stamped(Message m) {
        ObjectNode body = m.body().deepCopy();
        ObjectNode header = body.putObject("header");
        header.putObject("stamp").put("sec", Math.floorDiv(m.logTimeNs(), 1_000_000_000L))
                .put("nanosec", Math.floorMod(m.logTimeNs(), 1_000_000_000L));
        header.put("frame_id", "");
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        ordered.set("header", header);
        body.remove("header");
        ordered.setAll(body);
        return new Message(m.logTimeNs(), m.topic(), m.type(), ordered, m.origin());
    }

    // ---- LC-SENS-01: stream rates, data age, monotonic stamps, frame IDs ----

    @Test
    void lcSens01PassesWhenEveryStreamKeepsItsRate() {
        RecordedCertification c = certify("walk", WALK, false);
        assertThat(c.verdict("LC-SENS-01")).as(c.reason("LC-SENS-01")).isEqualTo(Verdict.PASS);
        Measurement joints = c.clause("LC-SENS-01").measurements().stream()
                .filter(m -> m.quantity().startsWith("lowest stream rate") && m.subject().equals("/joint_states")).findFirst()
                .orElseThrow();
        // 200 Hz: 400 messages in every 2 s window
        assertThat(joints.measured()).isEqualTo(200.0);
        assertThat(joints.limit().source()).contains("streams[/joint_states].rate");
        // 8 rates; 7 stamped streams' ages and stamps; 6 frame checks (not the temperatures topic)
        assertThat(c.clause("LC-SENS-01").measurements()).hasSize(8 + 7 + 7 + 6);
    }

    @Test
    void lcSens01FailsWhenTheJointStreamRunsAtATenthOfItsRate() {
        RecordedCertification c = certify("half-rate", WALK.fault(0, Fault.STREAM_BELOW_RATE), false);
        assertThat(c.verdict("LC-SENS-01")).isEqualTo(Verdict.FAIL);
        Measurement joints = c.clause("LC-SENS-01").measurements().get(0);
        assertThat(joints.subject()).isEqualTo("/joint_states");
        // every tenth of 200 Hz: 20 Hz
        assertThat(joints.measured()).isEqualTo(20.0);
        assertThat(c.clause("LC-SENS-01").measurements().stream().filter(m -> m.verdict() == Verdict.FAIL)).hasSize(1);
    }

    @Test
    void lcSens01IsInconclusiveWhenTheRunIsShorterThanARateWindow() {
        RecordedCertification c = certify("short", Scenario.until(1_500).at(200, new Command.Start()), false);
        assertThat(c.verdict("LC-SENS-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("LC-SENS-01")).contains("lowest stream rate over a sliding window of /joint_states")
                .contains("less than one rate window of 2000 ms");
    }

    // ---- BC-TIME-01: one time base ----

    @Test
    void bcTime01PassesWhenTheSafetyAndJointStreamsShareAClock() {
        RecordedCertification c = certify("stamped-safety", WALK, true);
        assertThat(c.verdict("BC-TIME-01")).as(c.reason("BC-TIME-01")).isEqualTo(Verdict.PASS);
        Measurement offset = c.measurement("BC-TIME-01", "offset of the stream's clock");
        assertThat(offset.subject()).isEqualTo("/safety/state");
        assertThat(offset.measured()).isZero();
        assertThat(offset.limit().evidence()).isEqualTo("I");
    }

    @Test
    void bcTime01FailsWhenTheJointStreamIsStampedByAClockFiveMsAhead() {
        RecordedCertification c = certify("joint-clock-ahead", WALK.fault(0, Fault.STREAM_CLOCK_OFFSET), true);
        assertThat(c.verdict("BC-TIME-01")).isEqualTo(Verdict.FAIL);
        Measurement offset = c.measurement("BC-TIME-01", "offset of the stream's clock");
        assertThat(offset.measured()).isEqualTo(5.0);
        assertThat(offset.detail()).contains("its clock is 5 ms behind /joint_states's");
        // the joint stream's stamps are off by a constant: its data is no staler and its stamps do not go back
        assertThat(c.verdict("LC-SENS-01")).as(c.reason("LC-SENS-01")).isEqualTo(Verdict.PASS);
    }

    @Test
    void bcTime01IsInconclusiveWhenTheSafetyStreamCarriesNoStamp() {
        RecordedCertification c = certify("walk", WALK, false);
        assertThat(c.verdict("BC-TIME-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("BC-TIME-01")).contains("/safety/state carries no header stamp")
                .contains("only the log time of each message is recorded");
    }
}
