package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.simulator.StopTruth;
import org.hcert.telemetry.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A harness link ({@code WireLink}) against the served simulator, over TCP loopback and a socat pty pair, and TLS. */
class SimulatorServerIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "serial"})
    void servesTelemetryAtTheModelsRatesStampedWithTheRobotClock(String transport) throws Exception {
        try (Served s = Served.start(transport, List.of()); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            Capabilities caps = link.connect();
            assertThat(caps.commands()).contains("walk", "stop", "estop", "protective_stop", "start", "dummy");
            assertThat(caps.topics()).containsEntry("/joint_states", "sensor_msgs/msg/JointState");
            ClockOffset offset = link.clockOffset().orElseThrow();
            long trueOffset = s.server.robotClockNs() - HarnessClock.system().nowNs();
            System.out.printf("%s: clock offset estimate %d ns, truth %d ns, error %d us (uncertainty %d us)%n", transport,
                    offset.offsetNs(), trueOffset, (offset.offsetNs() - trueOffset) / 1000, offset.uncertaintyNs() / 1000);
            assertThat((double) offset.offsetNs()).isCloseTo(trueOffset, within(3e6));
            try (Collector c = new Collector(link)) {
                Thread.sleep(2000);
                List<Message> joints = c.topic("/joint_states");
                long from = joints.get(0).logTimeNs() + 200_000_000L;
                assertThat(inSecondFrom(joints, from)).as("joint states stamped within one second").isBetween(999L, 1001L);
                assertThat(inSecondFrom(c.topic("/odom"), from)).as("odometry stamped within one second").isBetween(999L, 1001L);
                assertThat(inSecondFrom(c.topic("/safety/state"), from)).as("safety states stamped within one second").isBetween(99L, 101L);
                List<Long> steps = java.util.stream.IntStream.range(1, joints.size())
                        .mapToObj(i -> joints.get(i).logTimeNs() - joints.get(i - 1).logTimeNs()).sorted().toList();
                assertThat((double) steps.get(steps.size() / 2)).as("median period of /joint_states stamps, ns")
                        .isCloseTo(1e6, within(1e4));
                // The stamps are on the robot's clock, mapped to the harness's: the newest is not in the
                // future, and not older than the link timeout (beyond it the link would count as lost). A
                // tighter bound would measure how busy the machine is, not the stamping.
                long lastStamp = joints.get(joints.size() - 1).logTimeNs();
                assertThat((double) HarnessClock.system().nowNs() - lastStamp).as("age of the last stamp, ns")
                        .isBetween(0.0, (double) LinkOptions.defaults().linkTimeout().toNanos());
            }
        }
    }

    @Test
    void logsAPlainTcpHarnessOnItsTlsPortAndServesTheNextHarness() throws Exception {
        try (Served s = Served.start("tls", List.of())) {
            assertThat(s.server.log()).anySatisfy(line -> assertThat(line).matches(
                    "TLS 1\\.3 certificate CN=robot on 127\\.0\\.0\\.1,O=hcert tests, valid until \\d{4}-.*, fingerprint sha256:[0-9a-f]{64}"));
            try (RobotLink plain = RobotLinks.of(s.uri.replace("tls://", "tcp://"), LinkOptions.defaults())) {
                assertThatThrownBy(plain::connect).isInstanceOf(LinkException.class);
            }
            // hcert certify's default timeouts: a cold JVM decrypting 3,400 frames/s on a busy machine may lag at first.
            LinkOptions tolerant = LinkOptions.defaults().withLinkTimeout(Duration.ofSeconds(3)).withAnswerTimeout(Duration.ofSeconds(2));
            try (RobotLink link = RobotLinks.of(s.uri, tolerant, Served.HARNESS_TLS)) {
                link.connect();
                assertThat(link.send(new Command.SoftwareStop("tls test")).accepted()).isTrue();
            }
            assertThat(s.server.log()).anySatisfy(line -> assertThat(line).matches("connection from /127\\.0\\.0\\.1:\\d+ failed: "
                    + "TLS handshake failed: the peer does not speak TLS \\(a harness connecting with tcp:// instead of tls://\\?\\)"));
        }
    }

    private static long inSecondFrom(List<Message> messages, long fromNs) {
        return messages.stream().filter(m -> m.logTimeNs() >= fromNs && m.logTimeNs() < fromNs + 1_000_000_000L).count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tcp", "serial"})
    void walksStopsOnTheEstopRefusesToWalkWhileLatchedAndMeasuresTheTrueStopTime(String transport) throws Exception {
        try (Served s = Served.start(transport, List.of()); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            link.connect();
            try (Collector c = new Collector(link)) {
                assertThat(link.send(new Command.Walk(0.5, 0, 0)).accepted()).isTrue();
                assertThat(c.await("/joint_states", js -> StopTiming.maxJoint(js) > 0.5, Duration.ofSeconds(2))).isPresent();
                Thread.sleep(1500);
                assertThat(s.server.truth().pelvisVelocityMs().norm()).isGreaterThan(0.3);
                assertThat(link.send(new Command.EmergencyStop(true)).accepted()).isTrue();
                assertThat(c.await("/events", e -> e.path("kind").asText().equals("estop_pressed"), Duration.ofSeconds(1))).isPresent();
                assertThat(c.await("/safety/state", st -> st.path("estop").asBoolean(), Duration.ofSeconds(1))).isPresent();
                CommandReply refused = link.send(new Command.Walk(0.3, 0, 0));
                assertThat(refused.accepted()).isFalse();
                assertThat(refused.reason()).contains("e-stop is latched");
                Thread.sleep(1500);
                StopTruth truth = s.server.truth().lastStop().orElseThrow();
                assertThat(truth.kind()).isEqualTo("estop");
                long trueNs = truth.standstillNs().orElseThrow() - truth.triggerNs();
                OptionalLong measured = StopTiming.stopTimeNs(c.messages());
                assertThat(measured).isPresent();
                System.out.printf("%s: stop time measured from telemetry %.3f ms, simulator truth %.3f ms, difference %.3f ms%n",
                        transport, measured.getAsLong() / 1e6, trueNs / 1e6, (measured.getAsLong() - trueNs) / 1e6);
                // A raw reading: no smoothing, so sensor noise (σ 0.6 mrad/s) at the 0.01 rad/s tolerance moves
                // it by a few ms (-3..+6 ms over 132 simulated stops). hcert's metric smooths the velocities
                // and is held to issue 4's 2 ms in runner's LiveStopTimeIT; here the link must not add more.
                assertThat((double) measured.getAsLong()).as("measured stop time, ns").isCloseTo(trueNs, within(8e6));
            }
        }
    }
}
