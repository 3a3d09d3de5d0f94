package org.hcert.conformance.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.metric.Samples.at;
import static org.hcert.conformance.metric.Samples.event;
import static org.hcert.conformance.metric.Samples.joints;
import static org.hcert.conformance.metric.Samples.odom;
import static org.hcert.conformance.metric.Samples.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;

class StopTimeMetricTest {

    private static final StopTimeMetric.Parameters P = new StopTimeMetric.Parameters(0.01, 0.01, 3_000_000_000L);

    /** Joint speed ramps from 1 rad/s to 0 over 400 ms after an e-stop at 1000 ms; 1 kHz samples. */
    private static List<Sample> linearStop(DoubleUnaryOperator jointSpeed, DoubleUnaryOperator baseSpeed,
            double driveOffMs) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 5000; ms++) {
            if (ms == 1000) {
                s.add(event(ms, "estop_pressed"));
            }
            double after = Math.max(0, ms - 1000) / 1000.0;
            s.add(joints(ms, 0, ms < 1000 ? 1 : jointSpeed.applyAsDouble(after)));
            s.add(odom(ms, ms < 1000 ? 0.5 : baseSpeed.applyAsDouble(after), 0.9));
            if (ms % 20 == 0) {
                s.add(safety(ms, ms >= 1000, ms < driveOffMs));
            }
        }
        return s;
    }

    @Test
    void measuresTimeToFirstSampleBelowToleranceAfterLinearRamp() {
        // v(t) = 1 - t/0.4 is below 0.01 rad/s from t = 0.396 s: the first sample after is at 397 ms.
        List<Sample> s = linearStop(t -> Math.max(0, 1 - t / 0.4), t -> 0, 1420);
        List<StopObservation> stops = StopTimeMetric.evaluate(s.iterator(), P);
        assertThat(stops).hasSize(1);
        StopObservation stop = stops.get(0);
        assertThat(stop.trigger()).isEqualTo("estop_pressed event");
        assertThat(stop.window().startNs()).isEqualTo(at(1000));
        assertThat(stop.stopTimeNs()).hasValue(397_000_000L);
        assertThat(stop.driveOffNs()).hasValue(at(1420));
        assertThat(stop.maxGapNs()).isEqualTo(1_000_000L);
    }

    @Test
    void takesTheLaterOfJointAndBaseStandstill() {
        // Base decelerates 0.5 m/s to 0 over 600 ms: below 0.01 m/s after 588 ms, first sample at 589 ms.
        List<Sample> s = linearStop(t -> Math.max(0, 1 - t / 0.4), t -> Math.max(0, 0.5 * (1 - t / 0.6)), 1700);
        assertThat(StopTimeMetric.evaluate(s.iterator(), P).get(0).stopTimeNs()).hasValue(589_000_000L);
    }

    @Test
    void standstillCountsOnlyFromTheLastMovingSample() {
        // Velocity crosses zero at 100 ms (a rebound), then decays for good at 300 ms.
        List<Sample> s = linearStop(t -> t < 0.3 ? Math.abs(Math.cos(Math.PI * t / 0.2)) : 0, t -> 0, 1400);
        assertThat(StopTimeMetric.evaluate(s.iterator(), P).get(0).stopTimeNs()).hasValue(300_000_000L);
    }

    @Test
    void reportsNoStandstillWhenTheRobotKeepsMoving() {
        List<Sample> s = linearStop(t -> 0.5, t -> 0, 9999);
        StopObservation stop = StopTimeMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.standstillNs()).isEmpty();
        assertThat(stop.driveOffNs()).isEmpty();
        assertThat(stop.window().durationNs()).isEqualTo(3_000_000_000L);
    }

    @Test
    void usesTheSafetyStateEdgeWhenNoEventIsRecorded() {
        List<Sample> s = new ArrayList<>(linearStop(t -> 0, t -> 0, 1000));
        s.removeIf(x -> x instanceof org.hcert.telemetry.EventSample);
        StopObservation stop = StopTimeMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.trigger()).isEqualTo("safety state e-stop input");
        assertThat(stop.window().startNs()).isEqualTo(at(1000));
    }

    @Test
    void endsTheWindowAtTheReset() {
        List<Sample> s = new ArrayList<>(linearStop(t -> 0, t -> 0, 1000));
        s.add(2500 * 3, event(2500, "estop_reset"));
        s.sort(java.util.Comparator.comparingLong(Sample::tNs));
        StopObservation stop = StopTimeMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.window().endNs()).isEqualTo(at(2500));
    }

    @Test
    void findsNoStopWithoutEstop() {
        List<Sample> s = List.of(joints(0, 0, 1), odom(1, 0, 1), safety(2, false, true));
        assertThat(StopTimeMetric.evaluate(s.iterator(), P)).isEmpty();
    }

    @Test
    void countsJointSamplesWithoutVelocityAsUnknown() {
        List<Sample> s = new ArrayList<>();
        s.add(event(0, "estop_pressed"));
        s.add(new org.hcert.telemetry.JointStateSample(at(1), "/j", List.of("a"), new double[] {0}, new double[0],
                new double[0]));
        s.add(odom(2, 0, 0.9));
        StopObservation stop = StopTimeMetric.evaluate(s.iterator(), P).get(0);
        assertThat(stop.jointsUnknown()).isEqualTo(1);
        assertThat(stop.standstillNs()).isEmpty();
    }

    @Test
    void smoothingLeavesTheStandstillOfASteadyDecelerationWhereItIs() {
        // v(t) = 1 - t/0.41 is below 0.01 rad/s from t = 0.4059 s: first sample at 406 ms, both ways.
        List<Sample> s = linearStop(t -> Math.max(0, 1 - t / 0.41), t -> 0, 1420);
        assertThat(StopTimeMetric.evaluate(s.iterator(), P).get(0).stopTimeNs()).hasValue(406_000_000L);
        StopTimeMetric.Parameters smoothed = new StopTimeMetric.Parameters(0.01, 0.01, 3_000_000_000L, 9_000_000L);
        assertThat(StopTimeMetric.evaluate(s.iterator(), smoothed).get(0).stopTimeNs()).hasValue(406_000_000L);
    }

    @Test
    void smoothingKeepsSensorNoiseAtTheToleranceFromDecidingTheStopTime() {
        // A slow braking tail, v(t) = 0.02·(1 - t/0.5), truly below 0.01 rad/s from 250 ms on, read
        // with ±4 mrad/s of alternating sensor noise: even samples (+4) stay at or above the
        // tolerance until v = 6 mrad/s at 350 ms, so standstill counts from 351 ms.
        DoubleUnaryOperator tail = t -> Math.max(0, 0.02 * (1 - t / 0.5));
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms++) {
            if (ms == 1000) {
                s.add(event(ms, "estop_pressed"));
            }
            double after = Math.max(0, ms - 1000) / 1000.0;
            double noise = ms % 2 == 0 ? 0.004 : -0.004;
            s.add(joints(ms, 0, (ms < 1000 ? 1 : tail.applyAsDouble(after)) + noise));
            s.add(odom(ms, 0, 0.9));
        }
        assertThat(StopTimeMetric.evaluate(s.iterator(), P).get(0).stopTimeNs()).hasValue(351_000_000L);
        // A mean of nine samples leaves ±0.44 mrad/s: the last even sample at or above the tolerance is
        // at 260 ms (v = 9.6 mrad/s), so standstill counts from 261 ms, 11 ms from the truth, not 101.
        StopTimeMetric.Parameters smoothed = new StopTimeMetric.Parameters(0.01, 0.01, 3_000_000_000L, 9_000_000L);
        assertThat(StopTimeMetric.evaluate(s.iterator(), smoothed).get(0).stopTimeNs()).hasValue(261_000_000L);
    }

    @Test
    void smoothingDoesNotChangeSamplesFurtherApartThanHalfTheWindow() {
        // 200 Hz: a 9 ms window holds one sample, so the result equals the unsmoothed one.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms += 5) {
            if (ms == 1000) {
                s.add(event(ms, "estop_pressed"));
            }
            double after = Math.max(0, ms - 1000) / 1000.0;
            s.add(joints(ms, 0, ms < 1000 ? 1 : Math.max(0, 1 - after / 0.3) + (ms % 10 == 0 ? 0.009 : -0.009)));
            s.add(odom(ms, 0, 0.9));
        }
        StopTimeMetric.Parameters smoothed = new StopTimeMetric.Parameters(0.01, 0.01, 3_000_000_000L, 9_000_000L);
        assertThat(StopTimeMetric.evaluate(s.iterator(), smoothed)).isEqualTo(StopTimeMetric.evaluate(s.iterator(), P));
    }

    @Test
    void smoothingUsesNoSampleAfterTheWindowEnds() {
        // The reset at 2500 ms ends the window; joints move again right after it. The samples after
        // the reset must not drag the last standstill samples of the window above the tolerance.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 3000; ms++) {
            if (ms == 1000) {
                s.add(event(ms, "estop_pressed"));
            }
            if (ms == 2500) {
                s.add(event(ms, "estop_reset"));
            }
            double v = ms < 1000 ? 1 : ms < 1300 ? 0.5 : ms <= 2500 ? 0 : 1;
            s.add(joints(ms, 0, v));
            s.add(odom(ms, 0, 0.9));
        }
        StopTimeMetric.Parameters smoothed = new StopTimeMetric.Parameters(0.01, 0.01, 3_000_000_000L, 9_000_000L);
        StopObservation stop = StopTimeMetric.evaluate(s.iterator(), smoothed).get(0);
        assertThat(stop.window().endNs()).isEqualTo(at(2500));
        assertThat(stop.standstillNs()).isPresent();
    }
}
