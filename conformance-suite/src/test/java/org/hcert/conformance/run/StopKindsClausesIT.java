package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.SafetyFaultKind;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The protective stop (SE-PSTOP-01), the normal stop (SE-NSTOP-01) and the stop on a safety fault
 * (SE-STOP-07) three ways, each from a recording HC-1 makes on a simulated clock: a robot that
 * passes, one that fails (a simulator fault), one whose recording lacks the evidence.
 */
class StopKindsClausesIT {

    /** Start, walk at 0.5 m/s from 1 s; 6 s in all. */
    private static final Scenario WALK = Scenario.until(6_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0));

    @TempDir
    Path dir;

    private RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    // ---- SE-PSTOP-01 ----

    @Test
    void sePstop01PassesWhenHc1StopsInTheDeclaredTime() throws IOException {
        RecordedCertification c = certify("protective", WALK.at(3_000, new Command.ProtectiveStop(true)));
        assertThat(c.verdict("SE-PSTOP-01")).as(c.reason("SE-PSTOP-01")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-PSTOP-01", "stop time").measured()).isBetween(200.0, 600.0);
    }

    @Test
    void sePstop01FailsWhenTheStopIsTooSlow() throws IOException {
        RecordedCertification c = certify("protective-slow", WALK.fault(0, Fault.SLOW_ESTOP).at(3_000, new Command.ProtectiveStop(true)));
        assertThat(c.verdict("SE-PSTOP-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.measurement("SE-PSTOP-01", "stop time").measured()).isGreaterThan(600.0);
    }

    @Test
    void sePstop01IsInconclusiveWithoutAProtectiveStop() throws IOException {
        RecordedCertification c = certify("no-protective", WALK);
        assertThat(c.verdict("SE-PSTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-PSTOP-01")).contains("no protective stop asserted in the telemetry");
    }

    // ---- SE-NSTOP-01 ----

    @Test
    void seNstop01PassesWhenTheNormalStopIsInTimeAndRaisesNoFault() throws IOException {
        RecordedCertification c = certify("normal", WALK.at(3_000, new Command.Stop()));
        assertThat(c.verdict("SE-NSTOP-01")).as(c.reason("SE-NSTOP-01")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-NSTOP-01", "stop time").measured()).isBetween(200.0, 600.0);
        assertThat(c.measurement("SE-NSTOP-01", "fault events").measured()).isZero();
    }

    @Test
    void seNstop01FailsWhenTheNormalStopRaisesAFault() throws IOException {
        RecordedCertification c = certify("normal-fault", WALK.fault(0, Fault.FAULT_ON_NORMAL_STOP).at(3_000, new Command.Stop()));
        assertThat(c.verdict("SE-NSTOP-01")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-NSTOP-01")).startsWith("fault events during the stop: measured 1 count");
        assertThat(c.measurement("SE-NSTOP-01", "stop time").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void seNstop01IsInconclusiveWhenTheStopIsNotLogged() throws IOException {
        RecordedCertification c = certify("normal-unlogged", WALK.at(3_000, new Command.Stop()).omit("/events"));
        assertThat(c.verdict("SE-NSTOP-01")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-NSTOP-01")).contains("no normal stop asserted in the telemetry");
    }

    // ---- SE-STOP-07 ----

    @Test
    void seStop07PassesWhenASafetyFaultIsLoggedAndStopsHc1WithCategoryOne() throws IOException {
        RecordedCertification c = certify("safety-fault", WALK.at(3_000, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)));
        assertThat(c.verdict("SE-STOP-07")).as(c.reason("SE-STOP-07")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-STOP-07", "stop time").measured()).isBetween(200.0, 600.0);
        assertThat(c.measurement("SE-STOP-07", "drive power").measured()).isZero();
    }

    @Test
    void seStop07FailsWhenTheSafetyFaultIsIgnored() throws IOException {
        RecordedCertification c = certify("safety-fault-ignored", WALK.fault(0, Fault.SAFETY_FAULT_IGNORED)
                .at(3_000, new Command.SafetyFault(SafetyFaultKind.DUAL_CHANNEL_MISMATCH, true)));
        assertThat(c.verdict("SE-STOP-07")).isEqualTo(Verdict.FAIL);
        assertThat(c.measurement("SE-STOP-07", "drive power").measured()).isEqualTo(1.0);
        assertThat(c.measurement("SE-STOP-07", "stop time").verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void seStop07IsInconclusiveWithoutALoggedFault() throws IOException {
        RecordedCertification c = certify("no-fault", WALK);
        assertThat(c.verdict("SE-STOP-07")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-STOP-07")).contains("no safety fault asserted in the telemetry");
    }
}
