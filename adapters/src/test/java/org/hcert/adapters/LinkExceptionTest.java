package org.hcert.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exact messages of a failed link: URI, what happened, last sequence number and its time. */
class LinkExceptionTest {

    static final LinkPosition AT = new LinkPosition("tcp://10.0.0.7:7447?token=***", 4711, 1_795_600_000_123_456_789L);

    @Test
    void stalled() {
        assertThat(LinkTimeoutException.stalled(AT, 1_012_000_000L, Duration.ofSeconds(1))).hasMessage("""
                tcp://10.0.0.7:7447?token=***: no frame from the robot for 1012 ms (link timeout 1000 ms); the link is \
                closed, reconnect explicitly; last sequence number 4711, received at 2026-11-25T09:46:40.123456789Z""");
    }

    @Test
    void noAnswer() {
        assertThat(LinkTimeoutException.noAnswer(AT, "command walk (seq 12)", Duration.ofMillis(500))).hasMessage("""
                tcp://10.0.0.7:7447?token=***: no answer to command walk (seq 12) within 500 ms; the link is closed, \
                reconnect explicitly; last sequence number 4711, received at 2026-11-25T09:46:40.123456789Z""");
    }

    @Test
    void gapAfterACorruptFrame() {
        assertThat(LinkLostException.gap(AT, 4712, 4713, " after 1 corrupt frame: frame of 57 bytes: bad")).hasMessage("""
                tcp://10.0.0.7:7447?token=***: sequence gap: expected 4712, received 4713 (1 frame lost after 1 corrupt \
                frame: frame of 57 bytes: bad); the link is closed, reconnect explicitly; last sequence number 4711, \
                received at 2026-11-25T09:46:40.123456789Z""");
    }

    @Test
    void gapAcrossTheWrapOfSequenceNumbers() {
        assertThat(LinkLostException.gap(AT, 0xffff_fffeL, 1, "")).hasMessageContaining("(3 frames lost)");
    }

    @Test
    void outOfOrderAndCorruptBurst() {
        assertThat(LinkLostException.outOfOrder(AT, 4712, 4710)).hasMessageStartingWith("""
                tcp://10.0.0.7:7447?token=***: sequence error: expected 4712, received 4710 (a duplicate or reordered frame); \
                the link is closed""");
        assertThat(LinkLostException.corrupt(AT, 3, "x")).hasMessageStartingWith("""
                tcp://10.0.0.7:7447?token=***: 3 corrupt frames in a row (last: x); the link is closed""");
    }

    @Test
    void refusedBeforeAnyFrame() {
        LinkPosition opened = new LinkPosition("serial:///dev/ttyUSB0", -1, 0);
        assertThat(LinkRefusedException.refused(opened, "the token does not match")).hasMessage("""
                serial:///dev/ttyUSB0: the robot refused the session: the token does not match; no frame received since \
                the link opened at 1970-01-01T00:00:00Z""");
    }
}
