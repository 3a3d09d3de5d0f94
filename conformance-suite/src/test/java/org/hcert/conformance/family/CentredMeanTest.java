package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CentredMeanTest {

    private record Out(long tNs, double[] mean) {}

    private final List<Out> out = new ArrayList<>();

    private CentredMean mean(long halfWidthNs) {
        return mean(halfWidthNs, 1);
    }

    private CentredMean mean(long halfWidthNs, int width) {
        return new CentredMean(halfWidthNs, width, (t, v) -> out.add(new Out(t, v.clone())));
    }

    @Test
    void leavesALinearSignalUnchangedAwayFromTheEnds() {
        CentredMean m = mean(2);
        for (int t = 0; t <= 20; t++) {
            m.add(t, new double[] {3.0 - 0.25 * t});
        }
        m.flush();
        assertThat(out).hasSize(21);
        for (Out o : out.subList(2, 19)) {
            assertThat(o.mean()[0]).isCloseTo(3.0 - 0.25 * o.tNs(), within(1e-12));
        }
        // At the ends the window is one-sided: at t = 20 it holds 18, 19, 20.
        assertThat(out.get(20).mean()[0]).isCloseTo(3.0 - 0.25 * 19, within(1e-12));
    }

    @Test
    void aSinkThatDoesNotWantSomeSamplesGetsTheOthersWithTheirFullMeans() {
        // the samples a sink passes over still count in their neighbours' means
        boolean[] wanting = {true};
        List<Out> some = new ArrayList<>();
        CentredMean skipping = new CentredMean(3, 1, new CentredMean.Sink() {
            @Override
            public void accept(long tNs, double[] mean) {
                some.add(new Out(tNs, mean.clone()));
            }

            @Override
            public boolean wants() {
                return wanting[0];
            }
        });
        CentredMean all = mean(3);
        for (int t = 0; t <= 40; t++) {
            double v = Math.sin(t) + 0.01 * t * t;
            wanting[0] = t < 10 || t >= 25;
            skipping.add(t, v);
            all.add(t, v);
        }
        skipping.flush();
        all.flush();
        assertThat(some).extracting(Out::tNs).doesNotContain(12L, 18L).contains(5L, 22L, 30L);
        for (Out o : some) {
            Out full = out.stream().filter(x -> x.tNs() == o.tNs()).findFirst().orElseThrow();
            assertThat(o.mean()[0]).isEqualTo(full.mean()[0]);
        }
    }

    @Test
    void averagesAlternatingNoiseAwayComponentByComponent() {
        CentredMean m = mean(1, 2);
        for (int t = 0; t < 9; t++) {
            double noise = t % 2 == 0 ? 0.3 : -0.3;
            m.add(t, new double[] {1 + noise, -noise});
        }
        m.flush();
        // A window of three alternating samples leaves a third of the noise, of the other sign: at
        // t = 4 it holds +0.3 once and -0.3 twice.
        assertThat(out.get(4).mean()[0]).isCloseTo(1 - 0.1, within(1e-12));
        assertThat(out.get(4).mean()[1]).isCloseTo(0.1, within(1e-12));
        assertThat(out.get(5).mean()[0]).isCloseTo(1 + 0.1, within(1e-12));
    }

    @Test
    void emitsEachSampleOnceALaterSampleLiesBeyondItsHalfWidth() {
        CentredMean m = mean(5);
        m.add(0, new double[] {1});
        m.add(5, new double[] {2});
        assertThat(out).isEmpty();
        m.add(6, new double[] {3});
        assertThat(out).extracting(Out::tNs).containsExactly(0L);
        assertThat(out.get(0).mean()[0]).isCloseTo(1.5, within(1e-12));
        m.add(20, new double[] {4});
        assertThat(out).extracting(Out::tNs).containsExactly(0L, 5L, 6L);
        assertThat(out.get(1).mean()[0]).isCloseTo(2, within(1e-12)); // 0, 5 and 6 are within 5 of 5
        m.flush();
        assertThat(out).extracting(Out::tNs).containsExactly(0L, 5L, 6L, 20L);
        assertThat(out.get(3).mean()[0]).isCloseTo(4, within(1e-12));
    }

    @Test
    void aNanInTheWindowMakesThatComponentUnknown() {
        CentredMean m = mean(1, 2);
        m.add(0, new double[] {1, 1});
        m.add(1, new double[] {Double.NaN, 1});
        m.add(2, new double[] {1, 1});
        m.add(3, new double[] {1, 1});
        m.add(4, new double[] {1, 1});
        m.flush();
        assertThat(out.get(2).mean()[0]).isNaN();
        assertThat(out.get(2).mean()[1]).isEqualTo(1.0);
        assertThat(out.get(3).mean()[0]).isEqualTo(1.0);
    }

    @Test
    void refusesASampleOfAnotherLength() {
        CentredMean m = mean(1);
        m.add(0, new double[] {4});
        assertThatThrownBy(() -> m.add(1, new double[] {2, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sample of 2 components, not 1");
    }

    @Test
    void holdsAWindowLongerThanItsFirstBuffer() {
        // 100 samples within one half-width: the ring grows, and every mean is of the right samples.
        CentredMean m = mean(100);
        for (int t = 0; t <= 300; t++) {
            m.add(t, (double) t);
        }
        m.flush();
        assertThat(out).hasSize(301);
        for (Out o : out) {
            long from = Math.max(0, o.tNs() - 100);
            long to = Math.min(300, o.tNs() + 100);
            assertThat(o.mean()[0]).as("t = %d", o.tNs()).isCloseTo((from + to) / 2.0, within(1e-9));
        }
    }

    @Test
    void zeroHalfWidthPassesEverySampleThroughAtOnce() {
        CentredMean m = mean(0);
        double[] v = {0.7};
        m.add(10, v);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).mean()).containsExactly(0.7);
    }

    @Test
    void refusesANegativeHalfWidth() {
        assertThatThrownBy(() -> mean(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
