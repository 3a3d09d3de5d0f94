package org.hcert.adapters.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.Command;
import org.hcert.adapters.ForkedHarness;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

/** SIGTERM to a harness with an armed watchdog: the robot receives a stop. */
class WatchdogShutdownHookIT {

    @Test
    void stopsTheRobotWhenTheHarnessIsTerminated() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults())) {
            Process harness = ForkedHarness.start("watchdog", peer.uri());
            EchoRobot robot = peer.robot();
            assertThat(robot.commands()).isEmpty();
            harness.destroy();
            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(robot.awaitCommand(c -> c instanceof Command.SoftwareStop, Duration.ofSeconds(5)))
                    .contains(new Command.SoftwareStop("hcert watchdog: the harness is shutting down (SIGTERM or Ctrl-C)"));
        }
    }
}
