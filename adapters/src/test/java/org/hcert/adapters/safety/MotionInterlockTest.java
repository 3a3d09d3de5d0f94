package org.hcert.adapters.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

class MotionInterlockTest {

    static final MotionLimits LIMITS = new MotionLimits(0.5, 1.0, 1.5, 0.25);

    static MotionInterlock confirmed() {
        MotionInterlock interlock = new MotionInterlock(LIMITS, true);
        assertThat(interlock.confirm(question -> true)).isTrue();
        return interlock;
    }

    @Test
    void refusesMotionWhenTheRunDoesNotAllowIt() {
        MotionInterlock interlock = new MotionInterlock(LIMITS, false);
        List<String> asked = new ArrayList<>();
        assertThat(interlock.confirm(q -> asked.add(q))).isFalse();
        assertThat(asked).isEmpty();
        assertThatThrownBy(() -> interlock.vet(new Command.Walk(0.1, 0, 0))).isInstanceOf(MotionRefusedException.class)
                .hasMessage("walk command refused: motion is not allowed for this run; allow it in the lab profile or on the command line");
    }

    @Test
    void refusesMotionUntilTheOperatorConfirms() {
        MotionInterlock interlock = new MotionInterlock(LIMITS, true);
        assertThatThrownBy(() -> interlock.vet(new Command.MoveJoint("left_knee", 0.2, 0.1))).isInstanceOf(MotionRefusedException.class)
                .hasMessage("joint command refused: the operator has not confirmed that the robot may move");
        List<String> asked = new ArrayList<>();
        assertThat(interlock.confirm(q -> {
            asked.add(q);
            return false;
        })).isFalse();
        assertThat(asked).containsExactly("""
                The robot will move under hcert's command (walk ≤ 0.5 m/s, turn ≤ 1.0 rad/s, joints ≤ 1.5 rad/s, \
                hands ≤ 0.25 m/s). Is the test area clear and the emergency stop within reach?""");
        assertThatThrownBy(() -> interlock.vet(new Command.Reset())).isInstanceOf(MotionRefusedException.class);
    }

    @Test
    void letsAStopThroughAlways() {
        MotionInterlock interlock = new MotionInterlock(LIMITS, false);
        Command stop = new Command.SoftwareStop("operator");
        assertThat(interlock.vet(stop)).isSameAs(stop);
    }

    @Test
    void capsWalkingSpeedKeepingTheDirection() {
        Command.Walk w = (Command.Walk) confirmed().vet(new Command.Walk(0.6, 0.8, -3));
        assertThat(Math.hypot(w.vxMps(), w.vyMps())).isCloseTo(0.5, within(1e-12));
        assertThat(w.vxMps() / w.vyMps()).isCloseTo(0.75, within(1e-12));
        assertThat(w.yawRateRadPerS()).isEqualTo(-1.0);
    }

    @Test
    void capsJointAndHandSpeedsAndPassesSlowCommandsUnchanged() {
        MotionInterlock interlock = confirmed();
        assertThat(interlock.vet(new Command.MoveJoint("left_knee", 0.4, 9))).isEqualTo(new Command.MoveJoint("left_knee", 0.4, 1.5));
        assertThat(interlock.vet(new Command.MoveHand("left", 0.3, 0.2, 1.0, 2, 0.5)))
                .isEqualTo(new Command.MoveHand("left", 0.3, 0.2, 1.0, 0.25, 0.5));
        assertThat(interlock.vet(new Command.Walk(0.1, 0, 0.2))).isEqualTo(new Command.Walk(0.1, 0, 0.2));
    }

    @Test
    void refusesValuesThatAreNotFiniteOrSpeedsThatAreNotPositive() {
        MotionInterlock interlock = confirmed();
        assertThatThrownBy(() -> interlock.vet(new Command.Walk(Double.NaN, 0, 0))).hasMessage("walk command refused: vx is NaN");
        assertThatThrownBy(() -> interlock.vet(new Command.MoveJoint("left_knee", 0.1, -1)))
                .hasMessage("joint command refused: velocity must be positive, got -1.0");
    }

    @Test
    void revokingLocksMotionAgain() {
        MotionInterlock interlock = confirmed();
        interlock.revoke();
        assertThatThrownBy(() -> interlock.vet(new Command.SetMode("walking"))).isInstanceOf(MotionRefusedException.class);
    }

    @Test
    void aGuardedLinkSendsOnlyVettedCommands() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = new MotionInterlock(LIMITS, true).guard(RobotLinks.of(peer.uri(), LinkOptions.defaults()))) {
            link.connect();
            assertThatThrownBy(() -> link.send(new Command.Walk(1, 0, 0))).isInstanceOf(MotionRefusedException.class);
            link.send(new Command.SoftwareStop("check"));
            EchoRobot robot = peer.robot();
            robot.awaitCommand(c -> true, Duration.ofSeconds(5));
            assertThat(robot.commands()).containsExactly(new Command.SoftwareStop("check"));
        }
    }

    @Test
    void aGuardedLinkCapsWhatItSends() throws Exception {
        MotionInterlock interlock = confirmed();
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = interlock.guard(RobotLinks.of(peer.uri(), LinkOptions.defaults()))) {
            link.connect();
            assertThat(link.send(new Command.MoveJoint("left_knee", 0.4, 9)).accepted()).isTrue();
            assertThat(peer.robot().commands()).containsExactly(new Command.MoveJoint("left_knee", 0.4, 1.5));
        }
    }
}
