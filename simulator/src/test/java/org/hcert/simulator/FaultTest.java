package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultTest {

    @Test
    void aHealthyRobotShowsNoneOfTheMisbehaviours() {
        assertThat(Verdicts.seen(EnumSet.noneOf(Fault.class))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void eachFaultCausesExactlyTheMisbehaviourItNames(Fault fault) {
        assertThat(Verdicts.seen(EnumSet.of(fault))).containsExactly(fault);
    }

    @Test
    void severalFaultsActAtOnce() {
        Set<Fault> two = EnumSet.of(Fault.DRIVE_POWER_NOT_REMOVED, Fault.OVERSPEED_REDUCED);
        assertThat(Verdicts.seen(two)).isEqualTo(two);
    }

    @Test
    void anUnknownFaultNameListsTheValidOnes() {
        FaultInjector injector = VirtualHumanoid.create(SimulatorConfig.hc1()).faults();

        assertThatThrownBy(() -> injector.activate("slow-stop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        unknown fault "slow-stop"; valid faults: slow-estop, drive-power-not-removed, \
                        restart-after-reset, overspeed-reduced, excessive-contact-force, fall-on-stop, \
                        joint-limit-overrun, dropped-frames, corrupted-frames, stalled-link, clock-jump, unsigned-model, \
                        no-provenance, wrong-robot-id, \
                        overheating-actuator, joint-overspeed, battery-overheat, walk-speed-cap-off, hot-surface, \
                        stream-below-rate, stream-clock-offset, slow-walk, \
                        fault-on-normal-stop, safety-fault-ignored, estop-not-latched, restart-after-power, \
                        no-brakes-on-power-loss, no-self-test, self-test-fails-but-moves""");
    }

    @Test
    void parametersAreParsedAndChecked() {
        FaultInjector injector = VirtualHumanoid.create(SimulatorConfig.hc1()).faults();

        injector.activate("clock-jump=-1.5");
        injector.activate("dropped-frames");

        assertThat(injector.parameter(Fault.CLOCK_JUMP)).isEqualTo(-1.5);
        assertThat(injector.parameter(Fault.DROPPED_FRAMES)).isEqualTo(0.1);
        assertThat(injector.active()).containsExactlyInAnyOrder(Fault.CLOCK_JUMP, Fault.DROPPED_FRAMES);
        assertThatThrownBy(() -> injector.activate("dropped-frames=1.5"))
                .hasMessage("fault dropped-frames: probability must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> injector.activate("slow-estop=2"))
                .hasMessage("fault slow-estop takes no parameter, got \"2\"");
    }

    @Test
    void everyFaultHasAOneLineDescription() {
        assertThat(Fault.values()).allSatisfy(f -> assertThat(f.description()).isNotBlank().doesNotContain("\n"));
    }

    @Test
    void aClockJumpShiftsTheRobotClockFromItsActivation() {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withTelemetry(false));
        robot.step(500_000_000L);
        long before = robot.robotClockNs();

        robot.faults().activate("clock-jump");
        robot.step(1_000_000L);

        assertThat(robot.robotClockNs() - before).isEqualTo(2_001_000_000L);
    }

    @Test
    void aStalledLinkRecoversAfterItsDuration() {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1());
        robot.faults().activate("stalled-link=0.5");

        robot.step(400_000_000L);
        assertThat(robot.drainTelemetry()).isEmpty();
        robot.step(200_000_000L);
        assertThat(robot.drainTelemetry()).isNotEmpty().allSatisfy(m -> assertThat(m.message().logTimeNs())
                .isGreaterThanOrEqualTo(SimulatorConfig.DEFAULT_EPOCH_NS + 500_000_000L));
    }
}
