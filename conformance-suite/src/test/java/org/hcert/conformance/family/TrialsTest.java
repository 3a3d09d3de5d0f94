package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.single;
import static org.hcert.conformance.family.FamilyFixture.sorted;

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

    /** Walking at {@code walkMps} from {@code fromMs}, stopped at {@code stopMs}, slowing at {@code decel} m/s² to rest. */
    private static double stopping(double t, double fromMs, double stopMs, double walkMps, double decel) {
        if (t < fromMs) {
            return 0;
        }
        if (t <= stopMs) {
            return walkMps;
        }
        return Math.max(0, walkMps - decel * (t - stopMs) / 1000);
    }

    // ---- stop-at-speed ----

    /** Decelerations of five stops from 0.45 m/s and the sample at which each is first below 0.01 m/s, ms after the stop. */
    private static final double[] DECELERATIONS = {1.5, 1.2, 1.8, 1.4, 1.65};
    /** (0.45 − 0.01)/a rounded up to the 5 ms grid: 293.3 → 295, 366.7 → 370, 244.4 → 245, 314.3 → 315, 266.7 → 270 ms. */
    private static final double[] STOP_TIMES_S = {0.295, 0.370, 0.245, 0.315, 0.270};

    /** Five walks at {@code walkMps}: trial i walks from 3000·i ms for 1.5 s, then stops with DECELERATIONS[i]; ends at {@code endMs}. */
    private static List<Sample> fiveStops(double walkMps, double endMs) {
        List<Sample> out = new ArrayList<>(odometry(endMs, t -> {
            int i = Math.min(4, (int) (t / 3000));
            return stopping(t - 3000 * i, 0, 1500, walkMps, DECELERATIONS[i]);
        }));
        for (int i = 0; i < 5; i++) {
            out.add(event(3000 * i + 1500, "stop_requested"));
        }
        return sorted(out);
    }

    @Test
    void fiveStopsAtRatedSpeedAreEachJudgedAndTheirNinetiethPercentileBounded() {
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(fiveStops(0.45, 15_000));
        List<Reading> times = e.readings(Trials.STOPPING_TIME);
        assertThat(times).hasSize(6);
        for (int i = 0; i < 5; i++) {
            Reading r = times.get(i);
            assertThat(r.subject()).startsWith("trial %d (stop at ".formatted(i + 1));
            assertThat(r.valueSi().getAsDouble()).isCloseTo(STOP_TIMES_S[i], within(1e-9));
            assertThat(r.bound()).isEqualTo(Bound.EXACT);
            assertThat(r.gaps()).isEmpty();
            // The base covers v²/(2a) after the stop command.
            assertThat(e.readings(Trials.STOPPING_DISTANCE).get(i).valueSi().getAsDouble())
                    .isCloseTo(0.45 * 0.45 / (2 * DECELERATIONS[i]), within(1e-5));
        }
        // 90/90 bound: mean + 2.7423 · s over the five stop times.
        double mean = 0.299;
        double sd = Math.sqrt((0.004 * 0.004 + 0.071 * 0.071 + 0.054 * 0.054 + 0.016 * 0.016 + 0.029 * 0.029) / 4);
        Reading statistic = times.get(5);
        assertThat(statistic.subject()).isEqualTo("90th percentile of 5 trials");
        assertThat(statistic.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(statistic.valueSi().getAsDouble()).isCloseTo(mean + 2.7423 * sd, within(1e-4));
        assertThat(statistic.detail()).startsWith("n = 5, mean 0.299 s, standard deviation ")
                .contains("one-sided 90 % confidence bounds of the 90th percentile");
        assertThat(statistic.gaps()).isEmpty();
        // its plot: each trial's stop time at its start, the mean dashed
        assertThat(statistic.traces()).singleElement().satisfies(t -> {
            assertThat(t.points()).extracting(org.hcert.conformance.verdict.Trace.Point::max)
                    .containsExactly(java.util.Arrays.stream(STOP_TIMES_S).boxed().toArray(Double[]::new));
            assertThat(t.threshold()).hasValueSatisfying(th -> assertThat(th.value()).isCloseTo(mean, within(1e-9)));
        });
    }

    @Test
    void stopsAwayFromTheRatedSpeedAreNotTrials() {
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(fiveStops(0.3, 15_000));
        Reading r = single(e, Trials.STOPPING_TIME);
        assertThat(r.valueSi()).isEmpty();
        assertThat(r.gaps()).containsExactly("only 0 trials with complete evidence, at least 5 needed",
                "not trials: the stop at 2026-03-01T08:00:01.500Z came at 0.3 m/s (mean over 1000 ms), not at the rated 0.45 m/s ± 0.05 m/s; "
                        + "the stop at 2026-03-01T08:00:04.500Z came at 0.3 m/s (mean over 1000 ms), not at the rated 0.45 m/s ± 0.05 m/s; "
                        + "the stop at 2026-03-01T08:00:07.500Z came at 0.3 m/s (mean over 1000 ms), not at the rated 0.45 m/s ± 0.05 m/s; "
                        + "the stop at 2026-03-01T08:00:10.500Z came at 0.3 m/s (mean over 1000 ms), not at the rated 0.45 m/s ± 0.05 m/s; "
                        + "the stop at 2026-03-01T08:00:13.500Z came at 0.3 m/s (mean over 1000 ms), not at the rated 0.45 m/s ± 0.05 m/s");
    }

    @Test
    void aStopCutByTheEndOfTheTelemetryIsExcludedAndNamedAndItsOwnReadingIsOnlyABound() {
        // The fifth stop at 13.5 s; the telemetry ends 100 ms later, with the base still at 0.45 − 1.65 × 0.1 = 0.285 m/s.
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(fiveStops(0.45, 13_600));
        List<Reading> times = e.readings(Trials.STOPPING_TIME);
        Reading fifth = times.get(4);
        assertThat(fifth.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(fifth.valueSi().getAsDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(fifth.gaps()).containsExactly("the base was still moving when the trial ended (by the end of the telemetry)");
        Reading statistic = times.get(5);
        assertThat(statistic.valueSi()).isEmpty();
        assertThat(statistic.gaps()).containsExactly("only 4 trials with complete evidence, at least 5 needed",
                "trial 5 (stop at 2026-03-01T08:00:13.500Z) excluded: the base was still moving when the trial ended (by the end of the telemetry)");
    }

    @Test
    void aStopTooSlowIsATrialBeyondItsLimit() {
        List<Sample> samples = new ArrayList<>(odometry(6_000, t -> stopping(t, 0, 1500, 0.45, 0.2)));
        samples.add(event(1500, "stop_requested"));
        samples = sorted(samples);
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(samples);
        // (0.45 − 0.01)/0.2 = 2.2 s: the first sample below 0.01 m/s is 2.205 s after the stop.
        assertThat(e.readings(Trials.STOPPING_TIME).get(0).valueSi().getAsDouble()).isCloseTo(2.205, within(1e-9));
        assertThat(e.readings(Trials.STOPPING_DISTANCE).get(0).valueSi().getAsDouble()).isCloseTo(0.45 * 0.45 / 0.4, within(1e-9));
    }

    @Test
    void aStopWithAGapInItsOdometryIsExcludedAndNamed() {
        List<Sample> samples = new ArrayList<>(fiveStops(0.45, 15_000));
        samples.removeIf(s -> s instanceof OdometrySample && s.tNs() > at(7600) && s.tNs() < at(7700));
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(samples);
        Reading third = e.readings(Trials.STOPPING_TIME).get(2);
        assertThat(third.gaps()).containsExactly("the odometry has a gap of 100 ms at 2026-03-01T08:00:07.600Z (at most 50 ms allowed)");
        assertThat(e.readings(Trials.STOPPING_TIME).get(5).gaps()).containsExactly("only 4 trials with complete evidence, at least 5 needed",
                "trial 3 (stop at 2026-03-01T08:00:07.500Z) excluded: the odometry has a gap of 100 ms at 2026-03-01T08:00:07.600Z "
                        + "(at most 50 ms allowed)");
    }

    @Test
    void withoutStopCommandsThereIsNothingToJudge() {
        ClauseEvidence e = FamilyFixture.stopTrials().evaluate(odometry(3000, t -> 0.45));
        assertThat(e.problems()).containsExactly("no normal stop (stop_requested event) in the telemetry");
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
