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
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;

class ResetMotionMetricTest {

    private static final ResetMotionMetric.Parameters P = new ResetMotionMetric.Parameters(3_000_000_000L);

    /**
     * E-stop at 1000 ms, reset at 2000 ms, start at {@code startMs} (none if negative); joints and
     * odometry at 100 Hz with the joint speed {@code joint(ms)}; safety state at 50 Hz.
     */
    private static List<Sample> run(int endMs, int startMs, boolean events, DoubleUnaryOperator joint) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= endMs; ms += 10) {
            if (events && ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            if (events && ms == 2000) {
                s.add(event(ms, EventSample.ESTOP_RESET));
            }
            if (events && ms == startMs) {
                s.add(event(ms, "start"));
            }
            s.add(joints(ms, 0, joint.applyAsDouble(ms)));
            s.add(odom(ms, 0, 0.9));
            if (ms % 20 == 0) {
                s.add(safety(ms, ms >= 1000 && ms < 2000, ms < 1000 || ms >= startMs && startMs >= 0));
            }
        }
        return s;
    }

    @Test
    void watchesFromTheResetToTheStartCommand() {
        ResetObservation r = ResetMotionMetric.evaluate(run(4000, 2500, true, ms -> ms < 1200 ? 1 : 0).iterator(), P)
                .get(0);
        assertThat(r.trigger()).isEqualTo("estop_reset event");
        assertThat(r.window().startNs()).isEqualTo(at(2000));
        assertThat(r.window().endNs()).isEqualTo(at(2500));
        assertThat(r.endedBy()).isEqualTo("start event");
        assertThat(r.maxJointSpeedRadS()).isZero();
        assertThat(r.maxBaseSpeedMs()).isZero();
        assertThat(r.jointSamples()).isEqualTo(50); // 2000 to 2490 ms: the start event precedes the 2500 ms samples
        assertThat(r.maxGapNs()).isEqualTo(10_000_000L);
    }

    @Test
    void findsTheJointThatRestartsAfterTheReset() {
        // The robot resumes on its own 300 ms after the reset, speeding up at 2 rad/s².
        ResetObservation r = ResetMotionMetric.evaluate(
                run(4000, -1, true, ms -> ms < 1200 ? 1 : Math.max(0, (ms - 2300) * 0.002)).iterator(), P).get(0);
        assertThat(r.maxJointName()).isEqualTo("a");
        assertThat(r.maxJointSpeedRadS()).isEqualTo((4000 - 2300) * 0.002);
        assertThat(r.maxJointAtNs()).isEqualTo(at(4000));
        assertThat(r.endedBy()).isEqualTo("end of the samples");
    }

    @Test
    void endsTheWindowAfterTheObservationTime() {
        ResetObservation r = ResetMotionMetric.evaluate(run(8000, -1, true, ms -> 0).iterator(), P).get(0);
        assertThat(r.window().endNs()).isEqualTo(at(5000));
        assertThat(r.endedBy()).isEqualTo("end of observation");
    }

    @Test
    void usesTheSafetyStateLatchClearingWithoutEvents() {
        ResetObservation r = ResetMotionMetric.evaluate(run(3000, -1, false, ms -> 0).iterator(), P).get(0);
        assertThat(r.trigger()).isEqualTo("safety state e-stop input released");
        assertThat(r.window().startNs()).isEqualTo(at(2000));
    }

    @Test
    void aNewStopEndsTheWindow() {
        List<Sample> s = new ArrayList<>(run(4000, -1, true, ms -> 0));
        s.add(event(3000, EventSample.ESTOP_PRESSED));
        s.sort(java.util.Comparator.comparingLong(Sample::tNs));
        ResetObservation r = ResetMotionMetric.evaluate(s.iterator(), P).get(0);
        assertThat(r.window().endNs()).isEqualTo(at(3000));
        assertThat(r.endedBy()).isEqualTo("a new stop");
    }

    @Test
    void findsNoResetWithoutOne() {
        List<Sample> s = List.of(joints(0, 0, 1), odom(1, 0, 1), safety(2, false, true), event(3, "start"));
        assertThat(ResetMotionMetric.evaluate(s.iterator(), P)).isEmpty();
    }

    @Test
    void jointSamplesWithoutVelocityMakeTheSpeedUnknown() {
        List<Sample> s = new ArrayList<>();
        s.add(event(0, EventSample.ESTOP_RESET));
        s.add(new JointStateSample(at(10), "/j", List.of("a"), new double[] {0}, new double[0], new double[0]));
        s.add(odom(20, 0, 0.9));
        ResetObservation r = ResetMotionMetric.evaluate(s.iterator(), P).get(0);
        assertThat(r.jointsUnknown()).isEqualTo(1);
        assertThat(r.maxJointSpeedRadS()).isNaN();
    }

    @Test
    void reportsTheLongestGapOfEitherSignal() {
        List<Sample> s = new ArrayList<>();
        s.add(event(0, EventSample.ESTOP_RESET));
        for (int ms = 10; ms <= 1000; ms += 10) {
            s.add(joints(ms, 0, 0));
            if (ms < 300 || ms > 700) {
                s.add(odom(ms, 0, 0.9));
            }
        }
        ResetObservation r = ResetMotionMetric.evaluate(s.iterator(), P).get(0);
        assertThat(r.maxGapNs()).isEqualTo(420_000_000L); // odometry from 290 to 710 ms
    }

    @Test
    void countsEachResetOnceThoughTheSafetyStateCatchesUpAfterTheStart() {
        // The harness resets and starts at once; the 50 Hz safety state shows the latch clear only
        // after the start event, and the robot walks off. That is one reset, ended by the start.
        List<Sample> s = new ArrayList<>();
        s.add(safety(0, false, true));
        s.add(event(1000, EventSample.ESTOP_PRESSED));
        s.add(safety(1000, true, false));
        s.add(event(2000, EventSample.ESTOP_RESET));
        s.add(event(2002, "start"));
        s.add(safety(2020, false, true));
        for (int ms = 1000; ms <= 4000; ms += 10) {
            s.add(joints(ms + 5, 0, ms < 1200 || ms > 2100 ? 1 : 0));
            s.add(odom(ms + 5, 0, 0.9));
        }
        s.sort(java.util.Comparator.comparingLong(Sample::tNs));
        List<ResetObservation> resets = ResetMotionMetric.evaluate(s.iterator(), P);
        assertThat(resets).hasSize(1);
        assertThat(resets.get(0).endedBy()).isEqualTo("start event");
        assertThat(resets.get(0).maxJointSpeedRadS()).isZero();
    }

    @Test
    void aResetWhileTheSafetyStateShowsNoLatchIsNoReset() {
        List<Sample> s = List.of(safety(0, false, true), event(10, EventSample.ESTOP_RESET), joints(20, 0, 1),
                odom(20, 0, 0.9));
        assertThat(ResetMotionMetric.evaluate(s.iterator(), P)).isEmpty();
    }
}
