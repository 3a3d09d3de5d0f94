package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void splitsModelFaultsFromTransportFaults() {
        FaultPlan p = FaultPlan.parse(List.of("slow-estop", "dropped-frames=0.2", "corrupted-frames", "stalled-link=1.5", "clock-jump=-2"));
        assertThat(p.modelSpecs()).containsExactly("slow-estop", "corrupted-frames");
        assertThat(p.dropProbability()).isEqualTo(0.2);
        assertThat(p.corrupt()).isTrue();
        assertThat(p.stallNs()).isEqualTo(1_500_000_000L);
        assertThat(p.clockJumpSpec()).isEqualTo("clock-jump=-2");
    }

    @Test
    void rejectsAnUnknownFaultListingTheValidOnes() {
        assertThatThrownBy(() -> FaultPlan.parse(List.of("teleport"))).isInstanceOf(IllegalArgumentException.class).hasMessage("""
                unknown fault "teleport"; valid faults: slow-estop, drive-power-not-removed, restart-after-reset, \
                overspeed-reduced, excessive-contact-force, fall-on-stop, joint-limit-overrun, dropped-frames, \
                corrupted-frames, stalled-link, clock-jump, unsigned-model, no-provenance, wrong-robot-id, overheating-actuator, joint-overspeed, battery-overheat, \
                walk-speed-cap-off, hot-surface, stream-below-rate, stream-clock-offset, slow-walk, \
                fault-on-normal-stop, safety-fault-ignored, estop-not-latched, \
                restart-after-power, no-brakes-on-power-loss, no-self-test, self-test-fails-but-moves""");
    }
}
