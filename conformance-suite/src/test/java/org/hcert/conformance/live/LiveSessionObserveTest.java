package org.hcert.conformance.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.tcp.TcpLink;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.telemetry.MessageCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live watch ({@link LiveSession#observe}) over a real loopback link to a robot whose telemetry
 * lags the harness's clock by a fixed, large amount (its stamps run 800 ms behind), so that the
 * outcome does not depend on the machine's speed: the watch is counted in the robot's telemetry,
 * not in wall time alone.
 */
class LiveSessionObserveTest {

    private static final Duration LAG = Duration.ofMillis(800);

    private final AtomicBoolean publishing = new AtomicBoolean(true);
    private ServerSocket server;
    private RobotLink link;

    @AfterEach
    void close() throws IOException {
        publishing.set(false);
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A session over a link to an echo robot that publishes a joint state every 2 ms, stamped {@code lag} behind its clock. */
    private LiveSession lagging(Duration lag) throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<EchoRobot> robot = new CompletableFuture<>();
        Thread accept = new Thread(() -> {
            try {
                robot.complete(EchoRobot.acceptOne(server, EchoRobot.Config.defaults()));
            } catch (IOException e) {
                robot.completeExceptionally(e);
            }
        }, "lagging-robot-accept");
        accept.setDaemon(true);
        accept.start();
        link = TcpLink.of(LinkUri.parse("tcp://127.0.0.1:" + server.getLocalPort()), LinkOptions.defaults());
        Operator nobody = (instruction, timeout) -> {
            throw new InsufficientEvidenceException("no operator in this test");
        };
        LiveSession session = new LiveSession(link, nobody, new LiveSession.Settings(true, Duration.ofSeconds(1), 0.3, Duration.ofMillis(100)));
        link.connect();
        EchoRobot r = robot.get(10, TimeUnit.SECONDS);
        Thread publisher = new Thread(() -> {
            try {
                while (publishing.get()) {
                    r.publishStamped(r.robotNowNs() - lag.toNanos(), "/joint_states", "sensor_msgs/msg/JointState",
                            JsonNodeFactory.instance.objectNode());
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lagging-robot-publisher");
        publisher.setDaemon(true);
        publisher.start();
        return session;
    }

    private static long latestNs(Capture c) {
        long latest = Long.MIN_VALUE;
        try (MessageCursor m = c.open()) {
            while (m.hasNext()) {
                latest = Math.max(latest, m.next().logTimeNs());
            }
        }
        return latest;
    }

    @Test
    void aWatchLastsUntilTheTelemetryOfALaggingRobotHasReachedItsEnd() throws Exception {
        LiveSession session = lagging(LAG);
        session.capture();
        long startNs = link.options().clock().nowNs();
        session.observe(Duration.ofMillis(500));
        long returnedNs = link.options().clock().nowNs();
        Capture capture = session.endCapture();
        // counted in wall time alone, the capture would end about 300 ms before the watch's end
        assertThat(latestNs(capture) - startNs).as("telemetry captured past the watch's start, ns")
                .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(returnedNs - startNs).as("the watch's wall time, ns").isGreaterThanOrEqualTo((LAG.plusMillis(500)).toNanos());
    }

    @Test
    void aWatchWaitsForTelemetryThatNeverCatchesUpNoLongerThanTheAllowance() throws Exception {
        LiveSession session = lagging(Duration.ofSeconds(60));
        session.capture();
        long start = System.nanoTime();
        session.observe(Duration.ofMillis(100));
        long tookNs = System.nanoTime() - start;
        Capture capture = session.endCapture();
        assertThat(tookNs).isGreaterThanOrEqualTo(LiveSession.TELEMETRY_LAG_ALLOWANCE.toNanos())
                .isLessThan(LiveSession.TELEMETRY_LAG_ALLOWANCE.plusSeconds(5).toNanos());
        assertThat(capture.size()).as("what the robot sent is kept for the clauses to judge").isPositive();
    }
}
