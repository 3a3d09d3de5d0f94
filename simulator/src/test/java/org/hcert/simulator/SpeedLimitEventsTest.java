package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HC-1 logs speed_limited when, in manual_reduced, it carries out a motion command at a capped speed. */
class SpeedLimitEventsTest {

    private static List<String> limitingEvents(boolean reduced, Command command, Fault... faults) {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withRates(TelemetryRates.compact()));
        for (Fault f : faults) {
            robot.faults().activate(f, f.defaultParameter());
        }
        if (reduced) {
            assertThat(robot.accept(new Command.SetMode(OperatingMode.MANUAL_REDUCED)).accepted()).isTrue();
        }
        assertThat(robot.accept(command).accepted()).isTrue();
        robot.step(10_000_000L);
        return robot.drainTelemetry().stream().map(OutboundMessage::message)
                .filter(m -> m.topic().equals("/events") && m.body().get("kind").asText().equals(SpeedLimitEvents.KIND))
                .map(m -> m.body().get("detail").asText()).toList();
    }

    @Test
    void aHandMoveFasterThanTheCapsIsLimitedAndLogged() {
        // 0.5 m/s over a 0.6 m reach asks the arm joints for 0.83 rad/s; the cap is 0.25 m/s / 2.3 m = 0.1087 rad/s.
        assertThat(limitingEvents(true, new Command.MoveHand(Side.LEFT, 0.3, -0.3, 0.5)))
                .containsExactly("manual_reduced: left hand move at 0.5 m/s capped: arm joints at 0.1087 rad/s (hand ≤ 0.25 m/s)");
    }

    @Test
    void armJointsAndWalkingAreCappedAndLoggedToo() {
        assertThat(limitingEvents(true, new Command.MoveJoint("right_elbow", 1.0, 1.0)))
                .containsExactly("manual_reduced: right_elbow move at 1.0 rad/s capped at 0.1087 rad/s (hand ≤ 0.25 m/s)");
        assertThat(limitingEvents(true, new Command.Walk(0.5, 0, 0)))
                .containsExactly("manual_reduced: walk at 0.5 m/s, 0.0 rad/s capped at 0.2 m/s, 0.2 rad/s");
    }

    @Test
    void nothingIsLoggedWithinTheCapsInAutomaticModeOrWhenTheCapsAreOff() {
        assertThat(limitingEvents(true, new Command.MoveHand(Side.LEFT, 0.3, -0.3, 0.03))).isEmpty();
        assertThat(limitingEvents(true, new Command.MoveJoint("left_knee", 1.0, 1.0))).isEmpty();
        assertThat(limitingEvents(false, new Command.MoveHand(Side.LEFT, 0.3, -0.3, 0.5))).isEmpty();
        assertThat(limitingEvents(true, new Command.MoveHand(Side.LEFT, 0.3, -0.3, 0.5), Fault.OVERSPEED_REDUCED)).isEmpty();
    }
}
