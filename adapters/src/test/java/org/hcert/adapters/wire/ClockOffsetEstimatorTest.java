package org.hcert.adapters.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.hcert.adapters.ClockOffset;
import org.junit.jupiter.api.Test;

class ClockOffsetEstimatorTest {

    @Test
    void computesOffsetAndRoundTripOfOneExchange() {
        ClockOffsetEstimator e = new ClockOffsetEstimator(8);
        // robot = harness + 1000; 10 ns out, 5 ns processing, 30 ns back
        assertThat(e.add(100, 1110, 1115, 145)).contains(new ClockOffset(990, 20, 40, 1, 145));
        assertThat(e.estimate().orElseThrow().toHarnessNs(2000)).isEqualTo(1010);
    }

    @Test
    void choosesTheExchangeWithTheSmallestRoundTripSoTheTruthIsWithinItsUncertainty() {
        Random random = new Random(42);
        long truth = 123_456_789L;
        ClockOffsetEstimator e = new ClockOffsetEstimator(64);
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
        ClockOffsetEstimator e = new ClockOffsetEstimator(4);
        assertThat(e.add(100, 50, 40, 200)).isEmpty();
        assertThat(e.add(100, 50, 60, 90)).isEmpty();
        assertThat(e.estimate()).isEmpty();
    }

    @Test
    void forgetsExchangesOutsideItsWindow() {
        ClockOffsetEstimator e = new ClockOffsetEstimator(2);
        e.add(0, 1000, 1000, 2);
        e.add(10, 1010, 1010, 110);
        e.add(20, 1020, 1020, 120);
        assertThat(e.estimate().orElseThrow().roundTripNs()).isEqualTo(100);
    }
}
