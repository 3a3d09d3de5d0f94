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
}
