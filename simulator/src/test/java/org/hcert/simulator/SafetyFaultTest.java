package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A fault injected into HC-1's safety control system (SE-STOP-07). */
class SafetyFaultTest {

    private static SimRun walking() {
        SimRun r = new SimRun(SimulatorConfig.hc1());
        r.send(new Command.Walk(0.5, 0, 0)).run(2.0);
        r.robot.drainTelemetry();
        return r;
    }

    @Test
    void aSafetyFaultIsLoggedAndStopsHc1WithCategoryOne() {
        SimRun r = walking().send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(2.0);

        assertThat(Events.described(r.robot)).startsWith("fault: safety fault: encoder dropout on left_knee; category 1 stop")
                .contains("drive_disabled: category 1 stop complete: drive power removed at standstill");
        assertThat(r.lastStop().kind()).isEqualTo("fault");
        assertThat(r.lastStop().category()).isEqualTo(StopCategory.ONE);
        assertThat(r.lastStop().stopTimeMs().orElseThrow()).isLessThan(600);
        assertThat(r.truth().driveEnabled()).isFalse();
    }

    @Test
    void theFaultLatchesUntilItIsRemovedAndReset() {
        SimRun r = walking().send(new Command.SafetyFault(SafetyFaultKind.DUAL_CHANNEL_MISMATCH, true)).run(1.0);

        assertThat(r.robot.accept(new Command.Start())).isEqualTo(new CommandResult(false, "a safety fault is latched; remove it and reset"));
        assertThat(r.robot.accept(new Command.Reset())).isEqualTo(new CommandResult(false,
                "the safety fault is still present (dual-channel mismatch on the safety inputs); remove it first"));
        r.send(new Command.SafetyFault(SafetyFaultKind.DUAL_CHANNEL_MISMATCH, false)).send(new Command.Reset());
        assertThat(r.truth().motionEnabled()).isFalse();
        r.send(new Command.Start()).send(new Command.Walk(0.3, 0, 0)).run(0.1);

        assertThat(Events.kinds(r.robot)).endsWith("fault_cleared", "fault_reset", "drive_enabled", "start", "command");
    }

    @Test
    void anIgnoredSafetyFaultIsLoggedButHc1WalksOn() {
        SimRun r = walking();
        r.robot.faults().activate(Fault.SAFETY_FAULT_IGNORED, Double.NaN);
        r.send(new Command.SafetyFault(SafetyFaultKind.ENCODER_DROPOUT, true)).run(2.0);

        assertThat(Events.kinds(r.robot)).containsExactly("fault");
        assertThat(r.truth().driveEnabled()).isTrue();
        assertThat(r.truth().pelvisVelocityMs().norm()).isGreaterThan(0.3);
    }

    @Test
    void aNormalStopRaisesAFaultOnlyUnderFaultOnNormalStop() {
        SimRun healthy = walking().send(new Command.Stop()).run(1.0);
        SimRun faulty = walking();
        faulty.robot.faults().activate(Fault.FAULT_ON_NORMAL_STOP, Double.NaN);
        faulty.send(new Command.Stop()).run(1.0);

        assertThat(Events.kinds(healthy.robot)).containsExactly("stop_requested");
        assertThat(Events.described(faulty.robot)).containsExactly("stop_requested: normal stop (category 2)",
                "fault: drive fault during the normal stop");
    }
}
