package org.hcert.adapters.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

/** The watchdog against a real peer that records the stops it receives. */
class WatchdogTest {

    static final LinkOptions OPTIONS = LinkOptions.defaults().withLinkTimeout(Duration.ofMillis(500))
            .withPingInterval(Duration.ofMillis(100));

    static Optional<Command> awaitStop(EchoRobot robot) throws InterruptedException {
        return robot.awaitCommand(c -> c instanceof Command.SoftwareStop, Duration.ofSeconds(5));
    }

    @Test
    void stopsTheRobotWhenTheLinkFails() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = RobotLinks.of(peer.uri(), OPTIONS);
                Watchdog watchdog = Watchdog.arm(link)) {
            link.connect();
            peer.robot().goSilent();
            Optional<Command> stop = awaitStop(peer.robot());
            assertThat(stop).hasValueSatisfying(c -> assertThat(((Command.SoftwareStop) c).reason())
                    .startsWith("hcert watchdog: the link failed: " + peer.uri() + ": no frame from the robot for "));
            for (int i = 0; i < 100 && watchdog.stopsSent() == 0; i++) {
                Thread.sleep(10);
            }
            assertThat(watchdog.stopsSent()).isEqualTo(1);
        }
    }

    @Test
    void stopsTheRobotWhenTheHarnessAborts() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = RobotLinks.of(peer.uri(), OPTIONS);
                Watchdog watchdog = Watchdog.arm(link)) {
            link.connect();
            watchdog.abort("scenario SE-ESTOP-01 failed");
            assertThat(awaitStop(peer.robot())).contains(new Command.SoftwareStop("hcert watchdog: the harness aborted: scenario SE-ESTOP-01 failed"));
        }
    }

    @Test
    void stopsTheRobotWhenTheSessionEnds() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = RobotLinks.of(peer.uri(), OPTIONS)) {
            link.connect();
            Watchdog watchdog = Watchdog.arm(link);
            watchdog.close();
            watchdog.close();
            assertThat(awaitStop(peer.robot())).contains(new Command.SoftwareStop("hcert watchdog: the session ended"));
            assertThat(watchdog.stopsSent()).isEqualTo(1);
        }
    }
}
