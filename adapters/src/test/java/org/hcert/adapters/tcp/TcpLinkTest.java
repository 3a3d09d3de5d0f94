package org.hcert.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.WireLinkContractTest;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.adapters.wire.Transport;
import org.junit.jupiter.api.Test;

class TcpLinkTest extends WireLinkContractTest {

    @Override
    protected Peer startPeer(EchoRobot.Config config) throws IOException {
        return new LoopbackRobot(config);
    }

    @Override
    protected RobotLink link(String uri, LinkOptions options) {
        return TcpLink.of(LinkUri.parse(uri), options);
    }

    @Test
    void namesTheAddressWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RobotLink link = link("tcp://127.0.0.1:" + port + "?token=abc", OPTIONS);
        assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class)
                .hasMessageStartingWith("tcp://127.0.0.1:%d?token=***: cannot open the link: cannot connect to 127.0.0.1:%d: Connection refused; no frame received since the link opened at "
                        .formatted(port, port));
    }

    /** A robot that answers the hello with random bytes is named for what it sent, not only for its silence. */
    @Test
    void aPeerSendingRandomBytesIsNamedForThemWhenTheHelloGoesUnanswered() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread garbage = new Thread(() -> {
                try (java.net.Socket peer = s.accept()) {
                    java.util.Random random = new java.util.Random(42);
                    byte[] noise = new byte[64 * 1024];
                    random.nextBytes(noise);
                    peer.getOutputStream().write(noise);
                    peer.getOutputStream().flush();
                    Thread.sleep(3_000);
                } catch (IOException | InterruptedException e) {
                    // the link hung up: the test is over
                }
            }, "garbage-robot");
            garbage.setDaemon(true);
            garbage.start();
            RobotLink link = link("tcp://127.0.0.1:" + s.getLocalPort(), OPTIONS.withHelloTimeout(java.time.Duration.ofMillis(800)));
            assertThatThrownBy(link::connect).isInstanceOf(org.hcert.adapters.LinkTimeoutException.class)
                    .hasMessageContaining("no answer to hello within 800 ms (the robot sent 65536 byte(s): ")
                    .hasMessageMatching("(?s).* [1-9][0-9]* corrupt frame\\(s\\) \\(the last: .*");
            link.close();
        }
    }
    /**
     * Telemetry that arrives while connect is still estimating the clock is held, and mapped with
     * the sync's estimate. Here the robot reads its first frames 20 ms late (a cold or loaded
     * peer): its first exchanges' offsets are each about 10 ms off, within their bounds. Messages
     * mapped with those sat 10 ms off the rest of the session, a false "data age" of the whole
     * correction (a ci-like run of the live catalogue failed LC-SENS-01 with 6.8 ms of it).
     */
    @Test
    void telemetryArrivingDuringTheClockSyncIsMappedWithTheSyncsEstimate() throws Exception {
        LoopbackRobot p = new LoopbackRobot(EchoRobot.Config.defaults(), t -> new LateReads(t, 10, 20));
        open.add(p);
        List<Long> appliedOffsetsNs = Collections.synchronizedList(new ArrayList<>());
        RobotLink link = link(p.uri(), OPTIONS);
        open.add(link);
        link.addListener(new LinkListener() {
            @Override
            public void onTelemetry(ReceivedTelemetry t) {
                appliedOffsetsNs.add(t.robotTimeNs() - t.message().logTimeNs());
            }
        });
        AtomicBoolean connected = new AtomicBoolean();
        AtomicInteger beforeConnected = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> {
            try {
                EchoRobot r = p.robot();
                while (!r.inSession()) {
                    Thread.sleep(1);
                }
                while (publishing.get()) {
                    r.publish("/joint_states", "sensor_msgs/msg/JointState", joints(0));
                    if (!connected.get()) {
                        beforeConnected.incrementAndGet();
                    }
                    Thread.sleep(1);
                }
            } catch (Exception e) {
                // the link is closed: the test is over
            }
        }, "late-robot-publisher");
        publisher.setDaemon(true);
        publisher.start();
        link.connect();
        connected.set(true);
        ClockOffset atConnect = link.clockOffset().orElseThrow();
        Thread.sleep(300);
        publishing.set(false);
        publisher.join(5_000);
        link.close();

        assertThat(beforeConnected.get()).as("messages published while the link was syncing").isGreaterThanOrEqualTo(5);
        List<Long> applied;
        synchronized (appliedOffsetsNs) {
            applied = List.copyOf(appliedOffsetsNs);
        }
        assertThat(applied).hasSizeGreaterThan(beforeConnected.get());
        long spreadNs = Collections.max(applied) - Collections.min(applied);
        // every later estimate lies within the true offset ± its bound, which is never wider
        // than the connect's bound aged by the drift allowance (100 ppm over well under 2 s)
        assertThat(spreadNs).as("spread of the offsets applied to the session's telemetry; at connect %s", atConnect)
                .isLessThanOrEqualTo(2 * atConnect.uncertaintyNs() + 400_000);
    }

    /** A transport whose first {@code lateReads} reads that bring bytes each begin {@code delayMs} late. */
    private static final class LateReads implements Transport {

        private final Transport inner;
        private final long delayMs;
        private int lateReads;

        LateReads(Transport inner, int lateReads, long delayMs) {
            this.inner = inner;
            this.lateReads = lateReads;
            this.delayMs = delayMs;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            if (lateReads > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            int n = inner.read(buffer);
            if (n > 0 && lateReads > 0) {
                lateReads--;
            }
            return n;
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            inner.write(bytes);
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }
}
