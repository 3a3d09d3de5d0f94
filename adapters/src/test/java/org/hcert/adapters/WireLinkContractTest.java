package org.hcert.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hcert.telemetry.MessageCursor;
import org.hcert.adapters.testing.EchoRobot;
import org.junit.jupiter.api.Test;

/**
 * The contract of the links that speak hcert's wire protocol (TCP, TLS, serial), beyond every
 * link's: clock exchanges, sequence numbers, CRC-checked frames and session tokens, against
 * {@link EchoRobot}.
 */
public abstract class WireLinkContractTest extends RobotLinkContractTest {

    /** What an {@link EchoRobot} with the default configuration says of itself. */
    public static final Capabilities ECHO_CAPABILITIES = new Capabilities(1, "hcert EchoRobot",
            List.of("walk", "joint", "hand", "stop", "reset", "mode"), java.util.Map.of("/joint_states", "sensor_msgs/msg/JointState"));

    private static EchoRobot echo(Peer p) throws Exception {
        return (EchoRobot) p.robot();
    }

    @Test
    void estimatesTheRobotClockOffsetWithinItsUncertainty() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        ClockOffset offset = link.syncClock();
        long truth = EchoRobot.Config.defaults().clockOffsetNs();
        assertThat(Math.abs(offset.offsetNs() - truth)).as("error of %s", offset).isLessThanOrEqualTo(offset.uncertaintyNs());
        assertThat(offset.exchanges()).isGreaterThanOrEqualTo(2L * OPTIONS.syncExchanges());
    }

    /**
     * A robot that floods the link: a reader that does not keep up fails alone, named for how far it
     * fell behind, within bounded memory (its queue); the link goes on, and a new reader hears the
     * robot again. Nothing waits past its timeout.
     */
    @Test
    void aFloodFailsTheReaderThatFellBehindNotTheLink() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = link(p.uri(), OPTIONS.withQueueCapacity(500));
        open.add(link);
        link.connect();
        MessageCursor behind = link.telemetry();
        for (int i = 0; i < 3_000; i++) {
            p.robot().publish("/joint_states", "sensor_msgs/msg/JointState", joints(i));
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        Throwable failed = null;
        for (int read = 0; failed == null && System.nanoTime() < deadline; read++) {
            try {
                behind.next();
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        assertThat(failed).as("the reader that fell behind").isNotNull().hasMessageContaining("fell 500 messages behind");
        behind.close();
        assertThat(link.failure()).as("the link itself").isEmpty();
        try (MessageCursor fresh = link.telemetry()) {
            p.robot().publish("/joint_states", "sensor_msgs/msg/JointState", joints(-1));
            double position = 0;
            while (position != -1) {
                position = fresh.next().body().path("position").path(0).asDouble();
            }
        }
        assertThat(link.send(new Command.Reset()).accepted()).isTrue();
    }

    @Test
    void failsOnASequenceGap() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        echo(p).skipSequenceNumbers(2);
        p.robot().publish("/joint_states", "sensor_msgs/msg/JointState", joints(0));
        LinkException e = awaitFailure(link);
        assertThat(e).isInstanceOf(LinkLostException.class)
                .hasMessageMatching("\\Q" + p.uri() + "\\E: sequence gap: expected (\\d+), received \\d+ \\(2 frames lost\\); "
                        + "the link is closed, reconnect explicitly; last sequence number \\d+, received at .*Z");
        assertThat(e.position().lastSeq()).isPositive();
    }

    @Test
    void failsOnABurstOfCorruptFrames() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        echo(p).sendCorruptFrames(3);
        LinkException e = awaitFailure(link);
        assertThat(e).isInstanceOf(LinkLostException.class)
                .hasMessageStartingWith(p.uri() + ": 3 corrupt frames in a row (last: ");
    }

    @Test
    void toleratesASingleCorruptFrameWhenNoFrameIsLost() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults());
        RobotLink link = connected(p, "");
        try (MessageCursor cursor = link.telemetry()) {
            echo(p).sendCorruptFrames(1);
            p.robot().publish("/joint_states", "sensor_msgs/msg/JointState", joints(7));
            assertThat(cursor.next().body().path("position").path(0).asDouble()).isEqualTo(7);
        }
        assertThat(link.failure()).isEmpty();
    }

    @Test
    void refusesASessionWhoseTokenDoesNotMatch() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults().withToken("s3cret"));
        RobotLink link = link(with(p.uri(), "token=wrong"), OPTIONS);
        open.add(link);
        assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class)
                .hasMessageStartingWith(with(p.uri(), "token=***") + ": the robot refused the session: the token does not match; ")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void opensASessionWithTheRightToken() throws Exception {
        Peer p = peer(EchoRobot.Config.defaults().withToken("s3cret"));
        RobotLink link = connected(p, "token=s3cret");
        assertThat(link.send(new Command.Reset()).accepted()).isTrue();
        assertThat(link.describe()).isEqualTo(with(p.uri(), "token=***"));
    }

}
