package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.Command;
import org.hcert.simulator.Fault;
import org.hcert.simulator.recording.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No restart when drive power comes back (SE-STOP-08) and no uncontrolled fall when it is cut while
 * standing (SE-BAL-02), three ways each, from recordings HC-1 makes on a simulated clock.
 */
class PowerClausesIT {

    /** Walk, a normal stop at 2.5 s, the drive bus cut at 4 s and restored at 5 s; no start; 7 s in all. */
    static final Scenario CUT_AND_RESTORE = Scenario.until(7_000)
            .at(200, new Command.Start())
            .at(1_000, new Command.Walk(0.5, 0, 0))
            .at(2_500, new Command.Stop())
            .at(4_000, new Command.DrivePower(false))
            .at(5_000, new Command.DrivePower(true));

    /** Standing, the drive bus cut at 1 s; 4.5 s in all. */
    private static final Scenario CUT_WHILE_STANDING = Scenario.until(4_500)
            .at(200, new Command.Start())
            .at(1_000, new Command.DrivePower(false));

    @TempDir
    Path dir;

    private RecordedCertification certify(String name, Scenario scenario) throws IOException {
        return RecordedCertification.of(scenario, dir.resolve(name + ".ndjson"));
    }

    // ---- SE-STOP-08 ----

    @Test
    void seStop08PassesWhenHc1StaysStillUntilAStart() throws IOException {
        RecordedCertification c = certify("restore", CUT_AND_RESTORE);
        assertThat(c.verdict("SE-STOP-08")).as(c.reason("SE-STOP-08")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-STOP-08", "largest joint speed").measured()).isLessThan(0.01);
    }

    @Test
    void seStop08FailsWhenHc1ResumesWalkingWhenPowerComesBack() throws IOException {
        RecordedCertification c = certify("restart", CUT_AND_RESTORE.fault(0, Fault.RESTART_AFTER_POWER));
        assertThat(c.verdict("SE-STOP-08")).isEqualTo(Verdict.FAIL);
        assertThat(c.measurement("SE-STOP-08", "largest base speed").measured()).isGreaterThan(0.1);
    }

    @Test
    void seStop08IsInconclusiveWithoutAPowerRestore() throws IOException {
        RecordedCertification c = certify("cut-only", CUT_WHILE_STANDING);
        assertThat(c.verdict("SE-STOP-08")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-STOP-08")).contains("no power restore in the telemetry");
    }

    // ---- SE-BAL-02 ----

    @Test
    void seBal02PassesWhenHc1StandsOnItsBrakes() throws IOException {
        RecordedCertification c = certify("cut-standing", CUT_WHILE_STANDING);
        assertThat(c.verdict("SE-BAL-02")).as(c.reason("SE-BAL-02")).isEqualTo(Verdict.PASS);
        assertThat(c.measurement("SE-BAL-02", "maximum trunk tilt").measured()).isLessThan(5.0);
        assertThat(c.measurement("SE-BAL-02", "minimum pelvis height").measured()).isGreaterThan(99.0);
    }

    @Test
    void seBal02FailsWhenHc1FallsWithoutBrakes() throws IOException {
        RecordedCertification c = certify("cut-no-brakes", CUT_WHILE_STANDING.fault(0, Fault.NO_BRAKES_ON_POWER_LOSS));
        assertThat(c.verdict("SE-BAL-02")).isEqualTo(Verdict.FAIL);
        assertThat(c.measurement("SE-BAL-02", "maximum trunk tilt").measured()).isGreaterThan(60.0);
    }

    @Test
    void seBal02IsInconclusiveWhenPowerIsCutOnlyWhileWalking() throws IOException {
        RecordedCertification c = certify("cut-walking", Scenario.until(5_000)
                .at(200, new Command.Start())
                .at(1_000, new Command.Walk(0.5, 0, 0))
                .at(3_000, new Command.DrivePower(false)));
        assertThat(c.verdict("SE-BAL-02")).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.reason("SE-BAL-02")).contains("no drive power loss asserted while the robot stood");
    }
}
