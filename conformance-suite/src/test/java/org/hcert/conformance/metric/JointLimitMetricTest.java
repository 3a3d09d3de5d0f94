package org.hcert.conformance.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.metric.Samples.at;
import static org.hcert.conformance.metric.Samples.joints;

import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;

class JointLimitMetricTest {

    /** q(t) = sin(2πt) over one second at 1 kHz: minimum -1 at 750 ms, maximum 1 at 250 ms. */
    private static List<Sample> sine() {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 1000; ms++) {
            s.add(joints(ms, Math.sin(2 * Math.PI * ms / 1000.0), 0));
        }
        return s;
    }

    @Test
    void findsTheWorstOverrunOnTheLowerSide() {
        JointLimitMetric.Result r = JointLimitMetric.evaluate(sine().iterator(),
                List.of(new JointLimitMetric.Declared("a", -0.9, 1.2)));
        JointRange a = r.joints().get(0);
        assertThat(a.minRad()).isCloseTo(-1.0, within(1e-12));
        assertThat(a.minAtNs()).isEqualTo(at(750));
        assertThat(a.worstOverrunRad()).isCloseTo(0.1, within(1e-12));
        assertThat(a.worstIsUpper()).isFalse();
        assertThat(a.samples()).isEqualTo(1001);
    }

    @Test
    void reportsTheMarginWhenInsideTheLimits() {
        JointLimitMetric.Result r = JointLimitMetric.evaluate(sine().iterator(),
                List.of(new JointLimitMetric.Declared("a", -1.5, 1.25)));
        assertThat(r.joints().get(0).worstOverrunRad()).isCloseTo(-0.25, within(1e-12));
        assertThat(r.joints().get(0).worstAtNs()).isEqualTo(at(250));
    }

    @Test
    void listsDeclaredJointsThatNeverAppear() {
        JointLimitMetric.Result r = JointLimitMetric.evaluate(sine().iterator(), List.of(
                new JointLimitMetric.Declared("a", -2, 2), new JointLimitMetric.Declared("missing", -2, 2)));
        assertThat(r.unseenJoints()).containsExactly("missing");
    }

    @Test
    void measuresTheLongestGapAndCountsNonFinitePositions() {
        List<Sample> s = new ArrayList<>(List.of(joints(0, 0, 0), joints(10, Double.NaN, 0), joints(70, 0, 0)));
        JointLimitMetric.Result r = JointLimitMetric.evaluate(s.iterator(),
                List.of(new JointLimitMetric.Declared("a", -1, 1)));
        assertThat(r.maxGapNs()).isEqualTo(60_000_000L);
        assertThat(r.nonFinitePositions()).isEqualTo(1);
        assertThat(r.joints().get(0).samples()).isEqualTo(2);
    }
}
