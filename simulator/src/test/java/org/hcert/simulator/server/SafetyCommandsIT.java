package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.junit.jupiter.api.Test;

/**
 * The safety rig's commands over a real TCP link on 127.0.0.1: the e-stop's release apart from its
 * reset, the drive bus cut and restored, a safety fault injected and removed; each shows in the
 * robot's events and safety state as the harness receives them.
 */
class SafetyCommandsIT {

    private static boolean kind(com.fasterxml.jackson.databind.JsonNode event, String kind) {
        return event.path("kind").asText().equals(kind);
    }

    @Test
    void theEstopReleaseIsReportedAndTheStopStaysLatchedUntilReset() throws Exception {
        try (Served s = Served.start("tcp", List.of()); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            assertThat(link.connect().commands()).contains("power", "safety_fault");
            try (Collector c = new Collector(link)) {
                assertThat(link.send(new Command.EmergencyStop(true)).accepted()).isTrue();
                assertThat(link.send(new Command.EmergencyStop(false)).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "estop_released"), Duration.ofSeconds(1))).isPresent();
                Thread.sleep(200);
                assertThat(s.server.truth().estopLatched()).isTrue();
                assertThat(c.await("/safety/state", st -> st.path("estop").asBoolean(), Duration.ofSeconds(1))).isPresent();
                CommandReply start = link.send(new Command.Start());
                assertThat(start.accepted()).isFalse();
                assertThat(start.reason()).isEqualTo("the e-stop is latched; reset it first");
                assertThat(link.send(new Command.Reset()).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "estop_reset"), Duration.ofSeconds(1))).isPresent();
            }
        }
    }

    @Test
    void theDriveBusIsCutAndRestoredWithASelfTestAndNoMotionUntilStart() throws Exception {
        try (Served s = Served.start("tcp", List.of()); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            link.connect();
            try (Collector c = new Collector(link)) {
                assertThat(link.send(new Command.DrivePower(false)).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "power_lost"), Duration.ofSeconds(1))).isPresent();
                assertThat(c.await("/safety/state", st -> st.path("mode").asText().equals("unpowered"), Duration.ofSeconds(1))).isPresent();
                assertThat(link.send(new Command.DrivePower(true)).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "self_test_passed"), Duration.ofSeconds(1))).isPresent();
                assertThat(s.server.truth().driveEnabled()).isFalse();
                CommandReply walk = link.send(new Command.Walk(0.3, 0, 0));
                assertThat(walk.accepted()).isFalse();
                assertThat(walk.reason()).isEqualTo("motion is not enabled since the last stop; send start");
                assertThat(link.send(new Command.Start()).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "drive_enabled"), Duration.ofSeconds(1))).isPresent();
            }
        }
    }

    @Test
    void anInjectedSafetyFaultIsLoggedStopsTheRobotAndIsClearedByRemovalAndReset() throws Exception {
        try (Served s = Served.start("tcp", List.of()); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            link.connect();
            try (Collector c = new Collector(link)) {
                assertThat(link.send(new Command.Walk(0.5, 0, 0)).accepted()).isTrue();
                Thread.sleep(1000);
                assertThat(link.send(new Command.SafetyFault("encoder_dropout", true)).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "fault")
                        && e.path("detail").asText().equals("safety fault: encoder dropout on left_knee; category 1 stop"),
                        Duration.ofSeconds(1))).isPresent();
                assertThat(c.await("/safety/state", st -> !st.path("drive_enabled").asBoolean(), Duration.ofSeconds(2))).isPresent();
                CommandReply unknown = link.send(new Command.SafetyFault("brownout", true));
                assertThat(unknown.accepted()).isFalse();
                assertThat(unknown.reason()).startsWith("unknown safety fault \"brownout\"");
                assertThat(link.send(new Command.SafetyFault("encoder_dropout", false)).accepted()).isTrue();
                assertThat(link.send(new Command.Reset()).accepted()).isTrue();
                assertThat(link.send(new Command.Start()).accepted()).isTrue();
                assertThat(c.await("/events", e -> kind(e, "fault_reset"), Duration.ofSeconds(1))).isPresent();
            }
        }
    }
}
