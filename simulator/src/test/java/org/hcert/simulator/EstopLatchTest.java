package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstopLatchTest {

    private static SimRun stoppedByEstop() {
        return SimRun.hc1().send(new Command.Walk(0.4, 0, 0)).run(2.0).send(new Command.EmergencyStop()).run(2.0);
    }

    @Test
    void theEstopStaysLatchedAndRefusesMotionUntilReset() {
        SimRun r = stoppedByEstop();

        CommandResult walk = r.robot.accept(new Command.Walk(0.3, 0, 0));
        CommandResult start = r.robot.accept(new Command.Start());

        assertThat(r.truth().estopLatched()).isTrue();
        assertThat(walk).isEqualTo(new CommandResult(false, "the e-stop is latched; reset it and send start"));
        assertThat(start).isEqualTo(new CommandResult(false, "the e-stop is latched; reset it first"));
    }

    @Test
    void resetAloneDoesNotRestartMotion() {
        SimRun r = stoppedByEstop().send(new Command.Reset());
        double x = r.truth().pelvisPositionM().x();

        CommandResult walk = r.robot.accept(new Command.Walk(0.3, 0, 0));
        r.run(2.0);

        assertThat(r.truth().estopLatched()).isFalse();
        assertThat(r.truth().driveEnabled()).isFalse();
        assertThat(r.truth().motionEnabled()).isFalse();
        assertThat(walk).isEqualTo(new CommandResult(false, "motion is not enabled since the last stop; send start"));
        assertThat(r.truth().pelvisPositionM().x()).isCloseTo(x, within(1e-6));
    }

    @Test
    void startAfterResetRestoresPowerAndAcceptsMotion() {
        SimRun r = stoppedByEstop().send(new Command.Reset()).send(new Command.Start());
        double x = r.truth().pelvisPositionM().x();

        r.send(new Command.Walk(0.3, 0, 0)).run(2.0);

        assertThat(r.truth().driveEnabled()).isTrue();
        assertThat(r.truth().pelvisPositionM().x() - x).isGreaterThan(0.3);
    }

    @Test
    void releasingTheActuatorKeepsTheStopLatchedUntilReset() {
        SimRun r = new SimRun(SimulatorConfig.hc1()).send(new Command.EmergencyStop()).run(1.0);
        r.robot.drainTelemetry();

        r.send(new Command.ReleaseEmergencyStop()).run(1.0);

        assertThat(Events.described(r.robot)).containsExactly("estop_released: emergency stop released; the stop stays latched until reset");
        assertThat(r.truth().estopLatched()).isTrue();
        assertThat(r.robot.accept(new Command.Start())).isEqualTo(new CommandResult(false, "the e-stop is latched; reset it first"));
        r.send(new Command.Reset()).send(new Command.Start());
        assertThat(r.truth().driveEnabled()).isTrue();
    }

    @Test
    void pressingAgainAfterTheReleaseIsReportedAndStaysOneStop() {
        SimRun r = new SimRun(SimulatorConfig.hc1()).send(new Command.EmergencyStop()).run(1.0)
                .send(new Command.ReleaseEmergencyStop()).run(0.5);
        r.robot.drainTelemetry();

        r.send(new Command.EmergencyStop()).send(new Command.EmergencyStop()).run(0.1);

        assertThat(Events.described(r.robot)).containsExactly("estop_pressed: emergency stop pressed again; the stop is still latched");
        assertThat(r.robot.stops()).hasSize(1);
    }

    @Test
    void releasingAnActuatorThatIsNotPressedChangesNothing() {
        SimRun r = new SimRun(SimulatorConfig.hc1()).send(new Command.ReleaseEmergencyStop()).run(0.1);

        // only HC-1's start-up reports of its model and provenance
        assertThat(Events.kinds(r.robot)).containsExactly("model_loaded", "provenance");
    }

    @Test
    void anEstopThatDoesNotLatchEndsWithItsRelease() {
        SimRun r = new SimRun(SimulatorConfig.hc1());
        r.robot.faults().activate(Fault.ESTOP_NOT_LATCHED, Double.NaN);
        r.send(new Command.EmergencyStop()).run(1.0).send(new Command.ReleaseEmergencyStop()).run(0.1);

        assertThat(r.truth().estopLatched()).isFalse();
        assertThat(Events.kinds(r.robot)).doesNotContain("estop_reset").endsWith("estop_released");
        assertThat(r.robot.accept(new Command.Start()).accepted()).isTrue();
    }

    @Test
    void resetWithoutALatchedEstopIsRefused() {
        assertThat(SimRun.hc1().robot.accept(new Command.Reset()))
                .isEqualTo(new CommandResult(false, "the e-stop is not latched; nothing to reset"));
    }

    @Test
    void aProtectiveStopHoldsPowerAndNeedsReleaseAndStart() {
        SimRun r = SimRun.hc1().send(new Command.Walk(0.4, 0, 0)).run(2.0)
                .send(new Command.ProtectiveStop(true)).run(1.5);
        assertThat(r.truth().isStill()).isTrue();
        assertThat(r.truth().driveEnabled()).as("category 2").isTrue();

        r.send(new Command.ProtectiveStop(false));
        assertThat(r.robot.accept(new Command.Walk(0.3, 0, 0)).accepted()).isFalse();
        r.send(new Command.Start()).send(new Command.Walk(0.3, 0, 0));
        assertThat(r.truth().motionEnabled()).isTrue();
    }

    @Test
    void aNormalStopNeedsNoStartBeforeTheNextMotion() {
        SimRun r = SimRun.hc1().send(new Command.Walk(0.4, 0, 0)).run(2.0).send(new Command.Stop()).run(1.0);

        assertThat(r.truth().isStill()).isTrue();
        assertThat(r.robot.accept(new Command.Walk(0.3, 0, 0)).accepted()).isTrue();
    }
}
