package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.single;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

class TrialsTest {

    /**
     * Odometry every 5 ms from 0 to {@code endMs} of a base moving along x at {@code speed(t)} (m/s, t in ms),
     * its position the trapezoidal integral of the speed (exact for a speed linear between the 5 ms samples).
     */
    private static List<Sample> odometry(double endMs, DoubleUnaryOperator speed) {
        List<Sample> out = new ArrayList<>();
        double x = 0;
        double previous = speed.applyAsDouble(0);
        for (double t = 0; t <= endMs; t += 5) {
            double v = speed.applyAsDouble(t);
            if (t > 0) {
                x += (previous + v) / 2 * 0.005;
            }
            previous = v;
            out.add(new OdometrySample(at(t), FamilyFixture.ODOM_TOPIC, new Vector3(x, 0, 0.9), Quaternion.IDENTITY,
                    new Vector3(v, 0, 0), Vector3.ZERO));
        }
        return out;
    }


    // ---- straight-segment ----

    /**
     * Three walks from standstill, each speeding up at 1 m/s² to {@code speeds[i]}, held for 4 s, then slowing at
     * 1 m/s² to rest; walk i begins at 6000·i + 200 ms (its last sample below 0.01 m/s, where it starts, 5 ms later).
     */
    private static List<Sample> walks(double endMs, double... speeds) {
        return odometry(endMs, t -> {
            int i = Math.min(speeds.length - 1, (int) (t / 6000));
            double local = t - 6000 * i - 200;
            double v = speeds[i];
            if (local < 0) {
                return 0;
            }
            double ramp = v * 1000;
            if (local < ramp) {
                return local / 1000;
            }
            if (local < ramp + 4000) {
                return v;
            }
            return Math.max(0, v - (local - ramp - 4000) / 1000);
        });
    }

    @Test
    void threeWalksGiveTheLowerBoundOfTheirMeanSegmentSpeed() {
        // The segment lies in the walks' steady parts: the trials are exactly 0.5, 0.48 and 0.52 m/s. Mean 0.5,
        // s = 0.02, t(0.95, 2) = 2.919986: the mean is at least 0.5 − 2.919986 × 0.02/√3 = 0.466283 m/s.
        ClauseEvidence e = FamilyFixture.segmentTrials().evaluate(walks(18_000, 0.5, 0.48, 0.52));
        Reading r = single(e, Trials.SEGMENT_SPEED);
        assertThat(r.subject()).isEqualTo("mean of 3 trials");
        assertThat(r.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.5 - 2.919986 * 0.02 / Math.sqrt(3), within(1e-6));
        assertThat(r.gaps()).isEmpty();
        assertThat(r.detail()).startsWith("n = 3, mean 0.5 m/s, standard deviation 0.02 m/s, coefficient of variation 4 %; "
                + "one-sided 95 % confidence bounds of the mean (Student t, 2 degrees of freedom): 0.466283 to 0.533717 m/s; "
                + "trials: trial 1 (walk from 2026-03-01T08:00:00.205Z) 0.5 m/s, trial 2 (walk from 2026-03-01T08:00:06.205Z) 0.48 m/s, "
                + "trial 3 (walk from 2026-03-01T08:00:12.205Z) 0.52 m/s");
    }

    @Test
    void slowWalksGiveTheUpperBoundOfTheirMean() {
        ClauseEvidence e = FamilyFixture.segmentTrials().evaluate(walks(18_000, 0.4, 0.4, 0.4));
        Reading r = single(e, Trials.SEGMENT_SPEED);
        assertThat(r.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aWalkTooShortIsNotATrialAndOneCutByTheEndOfTheTelemetryIsExcludedAndNamed() {
        // The third walk starts at 12.2 s and reaches its segment (0.5 m) at 12.2 + 0.5 + 0.375/0.5 = 13.45 s;
        // the telemetry ends at 14 s, 0.275 m into the segment.
        ClauseEvidence e = FamilyFixture.segmentTrials().evaluate(walks(14_000, 0.5, 0.5, 0.5));
        Reading r = single(e, Trials.SEGMENT_SPEED);
        assertThat(r.valueSi()).isEmpty();
        assertThat(r.gaps()).containsExactly("only 2 trials with complete evidence, at least 3 needed",
                "trial 3 (walk from 2026-03-01T08:00:12.205Z) excluded: cut by the end of the telemetry 0.275 m into its 1 m segment");
    }

    @Test
    void aWalkUnderwayWhenTheTelemetryBeginsHasNoKnownStart() {
        List<Sample> late = walks(18_000, 0.5, 0.5, 0.5).stream().filter(s -> s.tNs() >= at(1000)).toList();
        ClauseEvidence e = FamilyFixture.segmentTrials().evaluate(late);
        Reading r = single(e, Trials.SEGMENT_SPEED);
        assertThat(r.gaps()).containsExactly("only 2 trials with complete evidence, at least 3 needed",
                "not trials: the base was moving at 2026-03-01T08:00:01Z with no standstill seen before, so that walk has no known start");
    }
}
