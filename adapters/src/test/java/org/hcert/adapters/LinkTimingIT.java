package org.hcert.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.serial.SerialLinkTimingFixture;
import org.hcert.adapters.tcp.TlsServer;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.testkit.TestTls;
import org.junit.jupiter.api.Test;

/**
 * How well the harness times an event stamped at the source: the peer stamps each event with its
 * robot clock; the harness maps the stamp through its offset estimate; the truth is the stamp
 * minus the peer's true offset (both clocks derive from the same system clock). Reports median
 * and 99th percentile of |error| to {@code target/link-timing.txt}, next to the error of naive
 * arrival-time stamping.
 */
class LinkTimingIT {

    static final int EVENTS = 1000;

    /** Measure over a connected link whose robot is {@code robot}; returns the report line. */
    public static String measure(String name, RobotLink link, EchoRobot robot) throws Exception {
        long trueOffset = EchoRobot.Config.defaults().clockOffsetNs();
        long[] mapped = new long[EVENTS];
        long[] arrival = new long[EVENTS];
        CountDownLatch done = new CountDownLatch(EVENTS);
        link.addListener(new LinkListener() {
            @Override
            public void onTelemetry(ReceivedTelemetry t) {
                int i = t.message().body().path("i").asInt();
                long truth = t.robotTimeNs() - trueOffset;
                mapped[i] = Math.abs(t.message().logTimeNs() - truth);
                arrival[i] = Math.abs(t.receivedNs() - truth);
                done.countDown();
            }
        });
        Thread.sleep(1000);
        for (int i = 0; i < EVENTS; i++) {
            robot.publish("/event", "hcert/msg/Event", JsonNodeFactory.instance.objectNode().put("kind", "tick").put("i", i));
            Thread.sleep(2);
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        ClockOffset offset = link.clockOffset().orElseThrow();
        String line = "%s: mapped stamp |error| median %.1f µs, p99 %.1f µs; arrival time |error| median %.1f µs, p99 %.1f µs; %s"
                .formatted(name, pct(mapped, 50), pct(mapped, 99), pct(arrival, 50), pct(arrival, 99), offset);
        Files.writeString(Path.of("target", "link-timing.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(line);
        assertThat(pct(mapped, 99)).as(line).isLessThan(5000.0);
        return line;
    }

    static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    @Test
    void timesSourceStampedEventsOverTcpLoopback() throws Exception {
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults());
                RobotLink link = RobotLinks.of(peer.uri(), LinkOptions.defaults())) {
            link.connect();
            measure("TCP loopback", link, peer.robot());
        }
    }

    @Test
    void timesSourceStampedEventsOverTlsLoopback() throws Exception {
        TlsServer tls = TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key"));
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults(), tls);
                RobotLink link = RobotLinks.of(peer.uri(), LinkOptions.defaults(), TlsSettings.defaults().withTrust(TestTls.file("ca.pem")))) {
            link.connect();
            measure("TLS 1.3 loopback", link, peer.robot());
        }
    }

    @Test
    void timesSourceStampedEventsOverAPseudoTerminalAt921600Baud() throws Exception {
        SerialLinkTimingFixture.run((link, robot) -> measure("socat pty pair, 921600 baud 8N1", link, robot));
    }
}
