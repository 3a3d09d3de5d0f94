package org.hcert.adapters.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hcert.adapters.ClockOffset;
import org.junit.jupiter.api.Test;

class ClockOffsetEstimatorTest {

    @Test
    void computesOffsetAndRoundTripOfOneExchange() {
        ClockOffsetEstimator e = new ClockOffsetEstimator(100);
        // robot = harness + 1000; 10 ns out, 5 ns processing, 30 ns back
        assertThat(e.add(100, 1110, 1115, 145)).contains(new ClockOffset(990, 20, 40, 1, 145));
        assertThat(e.estimate().orElseThrow().toHarnessNs(2000)).isEqualTo(1010);
    }

    @Test
    void choosesTheExchangeWithTheSmallestRoundTripSoTheTruthIsWithinItsUncertainty() {
        Random random = new Random(42);
        long truth = 123_456_789L;
        ClockOffsetEstimator e = new ClockOffsetEstimator(100);
        for (int i = 0; i < 200; i++) {
            long t1 = i * 1_000_000L;
            long out = 20_000 + random.nextInt(2_000_000);
            long back = 20_000 + random.nextInt(2_000_000);
            long t2 = t1 + out + truth;
            long t3 = t2 + 3_000;
            e.add(t1, t2, t3, t3 - truth + back);
        }
        ClockOffset best = e.estimate().orElseThrow();
        assertThat(Math.abs(best.offsetNs() - truth)).isLessThanOrEqualTo(best.uncertaintyNs());
        assertThat(best.exchanges()).isEqualTo(200);
    }

    @Test
    void discardsExchangesThatAreNotCausal() {
        ClockOffsetEstimator e = new ClockOffsetEstimator(100);
        assertThat(e.add(100, 50, 40, 200)).isEmpty();
        assertThat(e.add(100, 50, 60, 90)).isEmpty();
        assertThat(e.estimate()).isEmpty();
    }

    @Test
    void holdsAFastExchangeThroughABurstOfSlowOnes() {
        // a loaded harness: after one fast exchange (100 ns round trip), 10 s of exchanges that take
        // 30 ms and all of it on the way back, so each alone would put the offset 15 ms off
        ClockOffsetEstimator e = new ClockOffsetEstimator(100);
        long truth = 5_000_000;
        e.add(0, truth + 50, truth + 50, 100);
        for (long t1 = 1_000_000; t1 < 10_000_000_000L; t1 += 100_000_000) {
            e.add(t1, t1 + truth, t1 + truth, t1 + 30_000_000);
        }
        ClockOffset now = e.estimate().orElseThrow();
        assertThat(now.offsetNs()).isEqualTo(truth);
        assertThat(now.roundTripNs()).isEqualTo(100);
        // 50 ns, plus 100 ppm of the 9.93 s since (in whole ms)
        assertThat(now.uncertaintyNs()).isEqualTo(50 + 9_930 * 100);
        assertThat(now.exchanges()).isEqualTo(101);
    }

    @Test
    void followsADriftingClockAsFastExchangesCome() {
        // the robot's clock runs 80 ppm fast; one fast exchange a second for 100 s, and slow ones between
        ClockOffsetEstimator e = new ClockOffsetEstimator(100);
        for (long s = 0; s <= 100; s++) {
            long t1 = s * 1_000_000_000L;
            long offset = t1 / 1_000_000 * 80;
            e.add(t1, t1 + offset + 500, t1 + offset + 500, t1 + 1_000);
            long slow = t1 + 500_000_000L;
            long slowOffset = slow / 1_000_000 * 80;
            e.add(slow, slow + slowOffset, slow + slowOffset, slow + 20_000_000);
        }
        ClockOffset now = e.estimate().orElseThrow();
        long truthNow = 100_520L * 80; // at the last exchange's arrival, 100.52 s
        assertThat(now.measuredAtNs()).isEqualTo(100_000_001_000L);
        assertThat(Math.abs(now.offsetNs() - truthNow)).isLessThanOrEqualTo(now.uncertaintyNs());
        assertThat(now.offsetNs()).isEqualTo(100_000L * 80);
    }
}
