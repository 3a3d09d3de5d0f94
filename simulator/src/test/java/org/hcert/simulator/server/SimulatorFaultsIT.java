package org.hcert.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.hcert.adapters.Command;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkLostException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkTimeoutException;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.tcp.TcpTransport;
import org.hcert.adapters.wire.Frame;
import org.hcert.adapters.wire.FrameCodec;
import org.hcert.adapters.wire.FrameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transport faults as the harness link sees them, and the robot-side deadman. */
class SimulatorFaultsIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dropped-frames=0.01 | org.hcert.adapters.LinkLostException    | sequence gap",
        "corrupted-frames    | org.hcert.adapters.LinkLostException    | corrupt",
        "stalled-link=3      | org.hcert.adapters.LinkTimeoutException | no frame from the robot"})
    void eachTransportFaultFailsTheHarnessLinkWithItsException(String fault, Class<?> expected, String message) throws Exception {
        try (Served s = Served.start("tcp", List.of(fault)); RobotLink link = RobotLinks.of(s.uri, LinkOptions.defaults())) {
            link.connect();
            try (Collector c = new Collector(link)) {
                // Transport faults begin at the harness's first command.
                link.send(new org.hcert.adapters.Command.SoftwareStop("begin the transport faults"));
                RuntimeException failure = c.awaitFailure(Duration.ofSeconds(6)).orElseThrow();
                assertThat(failure).isInstanceOf(expected).hasMessageContaining(message);
                assertThat(LinkLostException.class.isInstance(failure) || LinkTimeoutException.class.isInstance(failure)).isTrue();
            }
        }
    }

    @Test
    void stopsTheRobotWhenTheHarnessGoesQuietWhileWalking() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(ServeConfig.tcp(0));
                TcpTransport harness = TcpTransport.connect("127.0.0.1", server.port(), Duration.ofSeconds(2))) {
            openAndWalk(harness);
            Thread.sleep(2500);
            assertThat(server.robotSideStops()).extracting(RobotSideStop::reason).singleElement().asString()
                    .startsWith("robot-side deadman: no frame from the harness for ");
            assertThat(server.truth().pelvisVelocityMs().norm()).as("true base speed, m/s").isLessThan(0.01);
            assertThat(server.log()).anyMatch(l -> l.startsWith("software stop: robot-side deadman"));
        }
    }

    @Test
    void stopsTheRobotWhenTheHarnessClosesTheConnectionAbruptlyWhileWalking() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(ServeConfig.tcp(0))) {
            TcpTransport harness = TcpTransport.connect("127.0.0.1", server.port(), Duration.ofSeconds(2));
            openAndWalk(harness);
            Thread.sleep(300);
            assertThat(server.truth().pelvisVelocityMs().norm()).isGreaterThan(0.05);
            harness.close();
            Thread.sleep(1500);
            String reason = "the session ended: the harness closed the connection";
            assertThat(server.robotSideStops()).extracting(RobotSideStop::reason).containsExactly(reason);
            assertThat(server.truth().pelvisVelocityMs().norm()).as("true base speed, m/s").isLessThan(0.01);
            assertThat(server.log()).anyMatch(line -> line.contains("software stop: " + reason));
        }
    }

    @Test
    void refusesAHelloWithoutTheToken() throws Exception {
        try (SimulatorServer server = SimulatorServer.start(ServeConfig.tcp(0).withToken("s3cret"));
                RobotLink link = RobotLinks.of("tcp://127.0.0.1:" + server.port(), LinkOptions.defaults())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(link::connect).hasMessageContaining("the token does not match");
        }
    }

    /** Hello, then walk at 0.5 m/s, as raw frames; then the "harness" sends nothing more. */
    private static void openAndWalk(TcpTransport harness) throws Exception {
        HarnessClock clock = HarnessClock.system();
        ObjectNode hello = JsonNodeFactory.instance.objectNode().put("protocol", 1).put("client", "raw test harness");
        harness.write(FrameCodec.encode(new Frame(FrameType.HELLO, 0, clock.nowNs(), hello)));
        harness.write(FrameCodec.encode(new Frame(FrameType.COMMAND, 1, clock.nowNs(), new Command.Walk(0.5, 0, 0).toBody())));
        Thread.sleep(100);
    }
}
