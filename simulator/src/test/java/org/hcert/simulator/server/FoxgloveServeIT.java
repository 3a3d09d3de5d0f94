package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.tcp.TlsFiles;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.testkit.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator served over the Foxglove protocol, reached by hcert's Foxglove link: over {@code ws://}
 * and over {@code wss://} (TLS 1.3, the server's certificate trusted by the lab's CA or pinned, an
 * untrusted one refused), telemetry as ROS 2 types, commands by the simulator's routes, and a
 * second harness turned away.
 */
@Timeout(60)
class FoxgloveServeIT {

    private static final LinkOptions OPTIONS = LinkOptions.defaults().withLinkTimeout(Duration.ofSeconds(3))
            .withAnswerTimeout(Duration.ofSeconds(3));
    private static final TlsServer ROBOT_TLS = TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key"));

    /** Connect, hear the robot's joints and IMU as ROS 2 types, and stop it by its Trigger service. */
    private static void talksToIt(SimulatorServer robot, RobotLink link) {
        link.connect();
        try (MessageCursor telemetry = link.telemetry()) {
            java.util.Set<String> types = new java.util.HashSet<>();
            for (int i = 0; i < 2000 && types.size() < 2; i++) {
                Message m = telemetry.next();
                if (m.topic().equals("/joint_states") || m.topic().equals("/imu/torso")) {
                    types.add(m.type());
                    if (m.topic().equals("/joint_states")) {
                        assertThat(m.body().path("name").size()).isEqualTo(20);
                    }
                }
            }
            assertThat(types).containsExactlyInAnyOrder("sensor_msgs/msg/JointState", "sensor_msgs/msg/Imu");
        }
        assertThat(link.send(new Command.Walk(0.2, 0, 0)).accepted()).isTrue();
        assertThat(link.send(new Command.SoftwareStop("test")).accepted()).isTrue();
        assertThat(link.send(new Command.EmergencyStop(true)).accepted()).isTrue();
        org.hcert.adapters.CommandReply start = link.send(new Command.Start());
        assertThat(start.accepted()).as("the robot's refusal comes back from the Trigger service").isFalse();
        assertThat(start.reason()).isNotEmpty();
        assertThat(robot.log()).contains("command {\"cmd\":\"walk\",\"vx\":0.2,\"vy\":0.0,\"wz\":0.0} -> ACK", "command {\"cmd\":\"stop\"} -> ACK");
    }

    @Test
    void servesPlainWebSocketsAndTurnsASecondHarnessAway() throws Exception {
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0))) {
            assertThat(robot.describe()).startsWith("ws://127.0.0.1:");
            try (RobotLink link = RobotLinks.of(robot.describe(), OPTIONS, TlsSettings.defaults(), FoxgloveInterface.ROUTES)) {
                talksToIt(robot, link);
                try (RobotLink second = RobotLinks.of(robot.describe(), OPTIONS, TlsSettings.defaults(), FoxgloveInterface.ROUTES)) {
                    assertThatThrownBy(second::connect).isInstanceOf(LinkRefusedException.class);
                }
            }
        }
    }

    @Test
    void servesTlsTrustedByTheLabsCaOrPinned() throws Exception {
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0).withTls(ROBOT_TLS))) {
            assertThat(robot.describe()).startsWith("wss://127.0.0.1:");
            try (RobotLink link = RobotLinks.of(robot.describe(), OPTIONS, TlsSettings.defaults().withTrust(TestTls.file("ca.pem")),
                    FoxgloveInterface.ROUTES)) {
                talksToIt(robot, link);
            }
        }
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0).withTls(ROBOT_TLS))) {
            String pin = TlsFiles.fingerprint(ROBOT_TLS.leaf());
            try (RobotLink link = RobotLinks.of(robot.describe() + "?pin=" + pin, OPTIONS, TlsSettings.defaults(), FoxgloveInterface.ROUTES)) {
                talksToIt(robot, link);
            }
        }
    }

    @Test
    void subscribesToTheMappedTopicsOnly() throws Exception {
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0));
                RobotLink link = RobotLinks.of(robot.describe(), OPTIONS, TlsSettings.defaults(), FoxgloveInterface.ROUTES,
                        java.util.Set.of("/joint_states", "/safety/state"))) {
            link.connect();
            java.util.Set<String> heard = new java.util.HashSet<>();
            try (MessageCursor telemetry = link.telemetry()) {
                for (int i = 0; i < 3000; i++) {
                    heard.add(telemetry.next().topic());
                }
            }
            assertThat(heard).containsExactlyInAnyOrder("/joint_states", "/safety/state");
            assertThat(((org.hcert.adapters.foxglove.FoxgloveLink) link).channels()).hasSize(9);
        }
    }

    @Test
    void refusesAServerItDoesNotTrust() throws Exception {
        try (SimulatorServer robot = SimulatorServer.start(ServeConfig.foxglove(0).withTls(ROBOT_TLS))) {
            RobotLink link = RobotLinks.of(robot.describe(), OPTIONS, TlsSettings.defaults().withTrust(TestTls.file("other-ca.pem")),
                    FoxgloveInterface.ROUTES);
            assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class)
                    .hasMessageContaining("TLS handshake failed: the robot's certificate is not trusted");
            link.close();
        }
    }

    @Test
    void refusesTheWireProtocolsLinkFaults() {
        assertThatThrownBy(() -> SimulatorServer.start(ServeConfig.foxglove(0).withFaults(List.of("dropped-frames=0.1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not served over Foxglove");
    }
}
