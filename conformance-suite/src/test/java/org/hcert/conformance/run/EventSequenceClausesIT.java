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
 * The event-sequence clauses three ways: the power-on sequence (SE-FS-03) and the e-stop latch
 * (SE-ESTOP-03), from recordings HC-1 makes on a simulated clock.
 */
class EventSequenceClausesIT {

    /**
     * Both parts of the power-on sequence: a safety fault injected at 0.5 s, the bus cut at 1 s and
     * restored at 1.5 s (the self-test fails), a start tried at 2 s (HC-1 refuses it), the fault
     * removed at 2.2 s; the bus cut at 2.5 s and restored at 3 s (the self-test passes), a start at
     * 3.5 s; 5 s in all.
     */
    static final Scenario POWER_ON = Scenario.until(5_000)
            .at(200, new Command.Start())
            .at(500, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true))
            .at(1_000, new Command.DrivePower(false))
            .at(1_500, new Command.DrivePower(true))
            .attempt(2_000, new Command.Start())
            .at(2_200, new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, false))
            .at(2_500, new Command.DrivePower(false))
            .at(3_000, new Command.DrivePower(true))
            .at(3_500, new Command.Start());

    /** Walk, e-stop at 3 s, the actuator released at 4.5 s, reset tried at 6 s; 7 s in all. */
    static final Scenario RELEASE_THEN_RESET = Scenario.until(7_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0))
            .at(3_000, new Command.EmergencyStop())
            .at(4_500, new Command.ReleaseEmergencyStop())
            .attempt(6_000, new Command.Reset());

    @TempDir
    Path dir;

    private RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    // ---- SE-FS-03 ----

    @Test
    void seFs03PassesWhenTheDrivesComeOnlyAfterAPassedSelfTest() throws IOException {
        RecordedCertification c = certify("power-on", POWER_ON);
        assertThat(c.verdict("SE-FS-03")).as(c.reason("SE-FS-03")).isEqualTo(Verdict.PASS);
        assertThat(c.clause("SE-FS-03").measurements()).hasSize(2)
                .allSatisfy(m -> assertThat(m.measured()).isZero());
    }

    @Test
    void seFs03FailsWhenTheDrivesComeWithoutASelfTest() throws IOException {
        RecordedCertification c = certify("no-self-test", POWER_ON.fault(0, Fault.NO_SELF_TEST));
        assertThat(c.verdict("SE-FS-03")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-FS-03")).startsWith("guarded events the rule does not permit: measured 1 count")
                .contains("drive_enabled event").contains("without a self_test_passed before it in the window");
    }

    @Test
    void seFs03FailsWhenAFailedSelfTestDoesNotBlockTheDrives() throws IOException {
        RecordedCertification c = certify("fails-but-moves", POWER_ON.fault(0, Fault.SELF_TEST_FAILS_BUT_MOVES));
        assertThat(c.verdict("SE-FS-03")).isEqualTo(Verdict.FAIL);
        assertThat(c.reason("SE-FS-03")).contains("after the self_test_failed event");
    }

    @Test
    void seFs03IsInconclusiveWhenNoSelfTestEverFailed() throws IOException {
        RecordedCertification c = certify("power-on-healthy-only", Scenario.until(4_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.DrivePower(false))
                .at(1_500, new Command.DrivePower(true))
                .at(2_500, new Command.Start()));
        assertThat(c.verdict("SE-FS-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-FS-03")).contains(
                "no self_test_failed came after power_restored in the telemetry: that it blocks drive_enabled was never shown");
    }

    // ---- SE-ESTOP-03 ----

    @Test
    void seEstop03PassesWhenTheStopStaysLatchedUntilTheReset() throws IOException {
        RecordedCertification c = certify("latched", RELEASE_THEN_RESET);
        assertThat(c.verdict("SE-ESTOP-03")).as(c.reason("SE-ESTOP-03")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-ESTOP-03", "safety-state samples").measured()).isZero();
    }

    @Test
    void seEstop03FailsWhenTheReleaseEndsTheStop() throws IOException {
        RecordedCertification c = certify("not-latched", RELEASE_THEN_RESET.fault(0, Fault.ESTOP_NOT_LATCHED));
        assertThat(c.verdict("SE-ESTOP-03")).isEqualTo(Verdict.FAIL);
        // 50 Hz from the first state after the release at 4.5 s (at 4.52 s; the 4.5 s one was published
        // before the event) to the end at 7 s, the refused reset sending no event: 125 samples, none latched.
        assertThat(c.measurement("SE-ESTOP-03", "safety-state samples").measured()).isEqualTo(125.0);
        assertThat(c.reason("SE-ESTOP-03")).contains("the state lapsed at ");
    }

    @Test
    void seEstop03IsInconclusiveWhenTheReleaseIsNotReported() throws IOException {
        RecordedCertification c = certify("reset-without-release", Scenario.until(7_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.Walk(0.5, 0, 0))
                .at(3_000, new Command.EmergencyStop())
                .at(5_000, new Command.Reset()));
        assertThat(c.verdict("SE-ESTOP-03")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-ESTOP-03")).contains("no estop_released in the telemetry (looked for estop_released events)");
    }
}
