package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The main drive bus: cut while standing, restored with a self-test, and started again (SE-BAL-02, SE-STOP-08, SE-FS-03). */
class DrivePowerTest {

    /** HC-1 with telemetry (for its events), standing still for 0.5 s. */
    private static SimRun standing() {
        SimRun r = new SimRun(SimulatorConfig.hc1());
        r.run(0.5);
        r.robot.drainTelemetry();
        return r;
    }

    @Test
    void cuttingTheDriveBusWhileStandingBrakesTheJointsAndHc1StaysUp() {
        SimRun r = standing().resetExtremes().send(new Command.DrivePower(false)).run(3.0);

        assertThat(Events.described(r.robot)).containsExactly("power_lost: main drive bus cut; holding brakes engaged",
                "drive_disabled: category 0 stop: drive power removed at once");
        assertThat(r.truth().driveEnabled()).isFalse();
        assertThat(r.lastStop().category()).isEqualTo(StopCategory.ZERO);
        assertThat(Math.toDegrees(r.maxTiltRad)).as("largest trunk tilt, deg").isLessThan(1.0);
        assertThat(r.minPelvisHeightM).isCloseTo(0.92, within(1e-6));
        assertThat(r.robot.accept(new Command.Walk(0.3, 0, 0))).isEqualTo(new CommandResult(false, "the drive bus is cut"));
        assertThat(r.robot.accept(new Command.Start()))
                .isEqualTo(new CommandResult(false, "the drive bus is cut; restore drive power first"));
    }

    @Test
    void whileTheBusIsCutTheSafetyStateSaysUnpowered() {
        SimRun r = standing().send(new Command.DrivePower(false)).run(0.1);

        assertThat(Events.lastMode(r.robot.drainTelemetry())).isEqualTo("unpowered");
        r.send(new Command.DrivePower(true)).run(0.1);
        assertThat(Events.lastMode(r.robot.drainTelemetry())).isEqualTo("stopped");
    }

    @Test
    void restoringTheBusRunsTheSelfTestAndKeepsTheDrivesOffUntilStart() {
        SimRun r = standing().send(new Command.DrivePower(false)).run(1.0);
        r.robot.drainTelemetry();
        r.send(new Command.DrivePower(true)).resetExtremes().run(2.0);

        assertThat(Events.kinds(r.robot)).containsExactly("power_restored", "self_test_passed");
        assertThat(r.truth().driveEnabled()).isFalse();
        assertThat(r.truth().motionEnabled()).isFalse();
        assertThat(r.maxJointSpeedRadS).isLessThan(0.01);
        assertThat(r.maxBaseSpeedMs).isLessThan(0.01);

        r.send(new Command.Start()).run(0.1);
        assertThat(Events.kinds(r.robot)).containsExactly("drive_enabled", "start");
        double x = r.truth().pelvisPositionM().x();
        r.send(new Command.Walk(0.3, 0, 0)).run(2.0);
        assertThat(r.truth().pelvisPositionM().x() - x).isGreaterThan(0.3);
    }

    @Test
    void aSecondCutOrRestoreChangesNothing() {
        SimRun r = standing().send(new Command.DrivePower(true)).send(new Command.DrivePower(false))
                .send(new Command.DrivePower(false)).run(0.1);

        assertThat(Events.kinds(r.robot)).containsExactly("power_lost", "drive_disabled");
    }

    @Test
    void restartAfterPowerResumesTheLastWalkWithoutAStart() {
        SimRun r = standing();
        r.robot.faults().activate(Fault.RESTART_AFTER_POWER, Double.NaN);
        r.send(new Command.Walk(0.4, 0, 0)).run(1.5).send(new Command.Stop()).run(1.5).send(new Command.DrivePower(false)).run(0.5);
        double x = r.truth().pelvisPositionM().x();

        r.send(new Command.DrivePower(true)).run(1.5);

        assertThat(r.truth().driveEnabled()).isTrue();
        assertThat(r.truth().pelvisPositionM().x() - x).isGreaterThan(0.2);
    }

    @Test
    void withoutBrakesHc1FallsWhenTheBusIsCutWhileStanding() {
        SimRun r = standing();
        r.robot.faults().activate(Fault.NO_BRAKES_ON_POWER_LOSS, Double.NaN);
        r.send(new Command.DrivePower(false)).run(3.0);

        assertThat(r.truth().fallen()).isTrue();
        assertThat(Math.toDegrees(r.maxTiltRad)).isGreaterThan(60);
        assertThat(r.minPelvisHeightM).isLessThan(0.3 * 0.92);
        assertThat(Events.kinds(r.robot)).startsWith("power_lost", "drive_disabled").contains("fall_detected");
    }

    @Test
    void aSafetyFaultPresentAtPowerOnFailsTheSelfTestAndBlocksStart() {
        SimRun r = standing().send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(0.5)
                .send(new Command.DrivePower(false)).run(0.5);
        r.robot.drainTelemetry();

        r.send(new Command.DrivePower(true)).run(0.1);

        assertThat(Events.described(r.robot)).containsExactly(
                "power_restored: main drive bus restored; the drives stay off until start",
                "self_test_failed: self-test failed: encoder dropout on left_knee");
        assertThat(r.robot.accept(new Command.Start())).isEqualTo(new CommandResult(false,
                "the self-test failed (encoder dropout on left_knee); remove the fault and cycle drive power"));
        assertThat(r.truth().driveEnabled()).isFalse();
    }

    @Test
    void selfTestFailsButMovesAcceptsStartAfterAFailedSelfTest() {
        SimRun r = standing();
        r.robot.faults().activate(Fault.SELF_TEST_FAILS_BUT_MOVES, Double.NaN);
        r.send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(0.5)
                .send(new Command.DrivePower(false)).run(0.5).send(new Command.DrivePower(true)).run(0.1);

        assertThat(Events.kinds(r.robot)).contains("self_test_failed");
        assertThat(r.robot.accept(new Command.Start()).accepted()).isTrue();
        assertThat(r.truth().driveEnabled()).isTrue();
    }

    @Test
    void noSelfTestEnablesTheDrivesWithoutASelfTest() {
        SimRun r = standing();
        r.robot.faults().activate(Fault.NO_SELF_TEST, Double.NaN);
        r.send(new Command.DrivePower(false)).run(0.5).send(new Command.DrivePower(true)).run(0.1)
                .send(new Command.Start()).run(0.1);

        assertThat(Events.kinds(r.robot)).containsExactly("power_lost", "drive_disabled", "power_restored", "drive_enabled", "start");
    }
}
