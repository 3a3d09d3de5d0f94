package org.hcert.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.adapters.testing.RobotPeer;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link RobotLink} must do, checked against a real robot-side peer ({@link RobotPeer})
 * over the implementation's real transport: hcert's wire protocol ({@link WireLinkContractTest},
 * which adds what only that protocol has) or a Foxglove WebSocket server. Subclasses provide the
 * peer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class RobotLinkContractTest {

    /** A running robot peer and the URI that reaches it. */
    protected interface Peer extends AutoCloseable {

        /** The link URI, without a token. */
        String uri();

        /** The robot, once the link has reached it. */
        RobotPeer robot() throws Exception;

        /** What the link's {@code connect()} returns for this robot. */
        Capabilities capabilities();

        @Override
        void close();
    }

    /** Options short enough for tests, long enough for a loaded two-core machine. */
    protected static final LinkOptions OPTIONS = LinkOptions.defaults().withLinkTimeout(Duration.ofMillis(600))
            .withAnswerTimeout(Duration.ofSeconds(2)).withPingInterval(Duration.ofMillis(100)).withSyncExchanges(8);

    protected final List<AutoCloseable> open = new ArrayList<>();

    /** Start a robot peer; called once per test. */
    protected abstract Peer startPeer(EchoRobot.Config config) throws Exception;

    /** Open an unconnected link to {@code uri}. */
    protected abstract RobotLink link(String uri, LinkOptions options);

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    protected Peer peer(EchoRobot.Config config) throws Exception {
        Peer p = startPeer(config);
        open.add(p);
        return p;
    }

    /** Add a query parameter to a URI. */
    protected static String with(String uri, String param) {
        return uri + (uri.contains("?") ? "&" : "?") + param;
    }

    protected RobotLink connected(Peer p, String param) {
        RobotLink link = link(param.isEmpty() ? p.uri() : with(p.uri(), param), OPTIONS);
        open.add(link);
        link.connect();
        return link;
    }

    protected static ObjectNode joints(double position) {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.putArray("name").add("left_knee");
        msg.putArray("position").add(position);
        return msg;
    }

    protected static LinkException awaitFailure(RobotLink link) throws InterruptedException {
        for (int i = 0; i < 500 && link.failure().isEmpty(); i++) {
            Thread.sleep(10);
        }
        return link.failure().orElseThrow(() -> new AssertionError("the link did not fail within 5 s"));
    }

    @Test
    void connectsAndReadsTheRobotsCapabilities() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = link(p.uri(), OPTIONS);
        open.add(link);
        Capabilities caps = link.connect();
        assertThat(caps).isEqualTo(p.capabilities());
        assertThat(p.robot().inSession()).isTrue();
        assertThat(link.describe()).isEqualTo(p.uri());
    }

    @Test
    void acknowledgesACommandMatchedBySequenceNumber() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        CommandReply first = link.send(new Command.Walk(0.3, 0, 0.1));
        CommandReply second = link.send(new Command.MoveJoint("left_knee", 0.5, 0.2));
        assertThat(first.accepted()).isTrue();
        assertThat(second.accepted()).isTrue();
        assertThat(second.seq()).isGreaterThan(first.seq());
        // an acknowledgement may come before the robot has acted (a ROS 2 topic has no answer): wait for it
        assertThat(p.robot().awaitCommand(c -> c instanceof Command.MoveJoint, Duration.ofSeconds(5))).isPresent();
        assertThat(p.robot().commands()).containsExactly(new Command.Walk(0.3, 0, 0.1), new Command.MoveJoint("left_knee", 0.5, 0.2));
    }

    @Test
    void returnsTheRobotsRefusalWithItsReason() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        p.robot().refuse("mode", "mode walking is locked by the pendant");
        CommandReply reply = link.send(new Command.SetMode("walking"));
        assertThat(reply.accepted()).isFalse();
        assertThat(reply.reason()).isEqualTo("mode walking is locked by the pendant");
        assertThat(link.failure()).isEmpty();
    }

    @Test
    void deliversTelemetryInOrderWithRobotStampsMappedToTheHarnessClock() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        RobotPeer robot = p.robot();
        long truth = EchoRobot.Config.defaults().clockOffsetNs();
        long start = HarnessClock.system().nowNs();
        try (MessageCursor cursor = link.telemetry()) {
            for (int i = 0; i < 200; i++) {
                robot.publishStamped(start + truth + i * 1_000_000L, "/joint_states", "sensor_msgs/msg/JointState", joints(i));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(cursor.hasNext()).isTrue();
                Message m = cursor.next();
                assertThat(m.body().path("position").path(0).asDouble()).isEqualTo(i);
                assertThat(m.topic()).isEqualTo("/joint_states");
                assertThat(m.type()).isEqualTo("sensor_msgs/msg/JointState");
                assertThat(Math.abs(m.logTimeNs() - (start + i * 1_000_000L)))
                        .isLessThanOrEqualTo(link.clockOffset().orElseThrow().uncertaintyNs() + 1_000_000L);
                assertThat(m.origin()).startsWith(p.uri() + "#");
            }
        }
    }

    @Test
    void failsWithATimeoutWhenTheRobotFallsSilent() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        MessageCursor cursor = link.telemetry();
        p.robot().goSilent();
        assertThatThrownBy(cursor::hasNext).isInstanceOf(LinkTimeoutException.class)
                .hasMessageMatching("\\Q" + p.uri() + "\\E: no frame from the robot for \\d+ ms \\(link timeout 600 ms\\); "
                        + "the link is closed, reconnect explicitly; last sequence number \\d+, received at \\d{4}-.*Z");
        assertThatThrownBy(() -> link.send(new Command.Reset())).isSameAs(link.failure().orElseThrow());
    }

    @Test
    void failsWhenACommandIsNotAnswered() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        p.robot().ignoreCommands();
        assertThatThrownBy(() -> link.send(new Command.Reset(), Duration.ofMillis(300)))
                .isInstanceOf(LinkTimeoutException.class)
                .hasMessageMatching("\\Q" + p.uri() + "\\E: no answer to command reset \\(.+\\) within 300 ms; "
                        + "the link is closed, reconnect explicitly; last sequence number \\d+, received at .*Z");
        assertThat(link.failure()).isPresent();
    }

    @Test
    void failsWhenTheRobotHangsUp() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        p.robot().hangUp();
        LinkException e = awaitFailure(link);
        assertThat(e).hasMessageStartingWith(p.uri() + ": ").hasMessageContaining("last sequence number");
    }

    @Test
    void tellsListenersOfTelemetryCommandsAndLoss() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        CompletableFuture<ReceivedTelemetry> telemetry = new CompletableFuture<>();
        CompletableFuture<Command> command = new CompletableFuture<>();
        CompletableFuture<LinkException> lost = new CompletableFuture<>();
        link.addListener(new LinkListener() {
            @Override
            public void onTelemetry(ReceivedTelemetry t) {
                telemetry.complete(t);
            }

            @Override
            public void onCommand(long seq, Command c, long sentNs) {
                command.complete(c);
            }

            @Override
            public void onLost(LinkException problem) {
                lost.complete(problem);
            }
        });
        p.robot().publish("/joint_states", "sensor_msgs/msg/JointState", joints(1));
        link.send(new Command.SoftwareStop("test"));
        assertThat(telemetry.get(5, TimeUnit.SECONDS).message().topic()).isEqualTo("/joint_states");
        assertThat(command.get(5, TimeUnit.SECONDS)).isEqualTo(new Command.SoftwareStop("test"));
        p.robot().goSilent();
        assertThat(lost.get(5, TimeUnit.SECONDS)).isInstanceOf(LinkTimeoutException.class);
    }

    @Test
    void stopNowReachesTheRobotAfterTheLinkFailed() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        p.robot().goSilent();
        awaitFailure(link);
        assertThat(link.stopNow("link lost")).isTrue();
        assertThat(p.robot().awaitCommand(c -> c instanceof Command.SoftwareStop, Duration.ofSeconds(5)))
                .contains(new Command.SoftwareStop("link lost"));
    }

    @Test
    void saysGoodbyeOnCloseAndRefusesUseAfterwards() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        RobotPeer robot = p.robot();
        link.close();
        for (int i = 0; i < 500 && robot.byes() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(robot.byes()).isEqualTo(1);
        assertThatThrownBy(() -> link.send(new Command.Reset())).isInstanceOf(IllegalStateException.class)
                .hasMessage(p.uri() + ": the link is closed");
        assertThat(link.stopNow("after close")).isFalse();
    }

    @Test
    void refusesUseBeforeConnect() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = link(p.uri(), OPTIONS);
        open.add(link);
        assertThatThrownBy(() -> link.send(new Command.Reset())).isInstanceOf(IllegalStateException.class)
                .hasMessage(p.uri() + ": not connected; call connect() first");
    }
}
