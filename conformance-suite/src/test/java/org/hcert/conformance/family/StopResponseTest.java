package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.along;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.joints;
import static org.hcert.conformance.family.FamilyFixture.odom;
import static org.hcert.conformance.family.FamilyFixture.positions;
import static org.hcert.conformance.family.FamilyFixture.safety;
import static org.hcert.conformance.family.FamilyFixture.single;
import static org.hcert.conformance.family.FamilyFixture.sorted;
import static org.hcert.conformance.family.FamilyFixture.twist;
import static org.hcert.conformance.family.StopResponse.DRIVE_ENABLED_AT_END;
import static org.hcert.conformance.family.StopResponse.STOP_TIME;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StopResponseTest {

    /** SE-ESTOP-01 as the standard profile gives it: 9 ms smoothing. */
    private static final FamilyFixture SMOOTHED = FamilyFixture.stopResponse();
    /** The same without smoothing, so that each sample decides on its own. */
    private static final FamilyFixture UNSMOOTHED = SMOOTHED.with("standstillSmoothing", 0, Unit.MILLISECOND);

    private static final double EPS = 1e-12;

    /**
     * An e-stop event at 1000 ms; joint {@code a} at 1 rad/s and the base at 0.5 m/s before it, then
     * {@code jointSpeed(t)} and {@code baseSpeed(t)}, t in s after the e-stop; 1 kHz joints and
     * odometry; 50 Hz safety state, drive on until {@code driveOffMs}.
     */
    private static List<Sample> linearStop(DoubleUnaryOperator jointSpeed, DoubleUnaryOperator baseSpeed, double driveOffMs) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 5000; ms++) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
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

    private static String standstill(String trigger, String endedBy, long fromNs, long endNs) {
        return "trigger: %s; window ended by %s; standstill (every joint, base speed and turn rate below tolerance) from %s"
                .formatted(trigger, endedBy, TimeWindow.of(fromNs, endNs));
    }

    // ---- ported from StopTimeMetricTest ----

    @Test
    void measuresTimeToFirstSampleBelowToleranceAfterLinearRamp() {
        // v(t) = 1 - t/0.4 is below 0.01 rad/s from t = 0.396 s: the first sample after is at 397 ms
        // (at 396 ms, 1 - 0.99 is 0.01 and a hair in floating point, not below).
        ClauseEvidence e = UNSMOOTHED.evaluate(linearStop(t -> Math.max(0, 1 - t / 0.4), t -> 0, 1420));
        Reading stop = single(e, STOP_TIME);
        assertThat(stop.subject()).isEmpty();
        assertThat(stop.window()).isEqualTo(TimeWindow.of(at(1000), at(4000)));
        assertThat(stop.valueSi()).hasValueCloseTo(0.397, within(EPS));
        assertThat(stop.bound()).isEqualTo(Bound.EXACT);
        assertThat(stop.gaps()).isEmpty();
        assertThat(stop.detail()).isEqualTo(standstill("estop_pressed event", "end of observation", at(1397), at(4000)));
        // Drive power off from the 50 Hz state at 1420 ms: 420 ms after the stop input.
        Reading drive = single(e, DRIVE_ENABLED_AT_END);
        assertThat(drive.valueSi()).hasValue(0);
        assertThat(drive.detail()).isEqualTo("drive power off from 420 ms after the stop input");
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void takesTheLaterOfJointAndBaseStandstill() {
        // Base decelerates 0.5 m/s to 0 over 600 ms: below 0.01 m/s after 588 ms, first sample at 589 ms.
        ClauseEvidence e = UNSMOOTHED.evaluate(linearStop(t -> Math.max(0, 1 - t / 0.4), t -> Math.max(0, 0.5 * (1 - t / 0.6)), 1700));
        assertThat(single(e, STOP_TIME).valueSi()).hasValueCloseTo(0.589, within(EPS));
    }

    @Test
    void standstillCountsOnlyFromTheLastMovingSample() {
        // |cos(πt/0.2)| touches zero at 100 ms (a rebound: 99 and 101 ms are at 0.0157 rad/s), then the
        // joint stops for good at 300 ms; 299 ms is still at 0.0157.
        ClauseEvidence e = UNSMOOTHED.evaluate(linearStop(t -> t < 0.3 ? Math.abs(Math.cos(Math.PI * t / 0.2)) : 0, t -> 0, 1400));
        assertThat(single(e, STOP_TIME).valueSi()).hasValueCloseTo(0.300, within(EPS));
    }

    @Test
    void reportsNoStandstillWhenTheRobotKeepsMoving() {
        // Still at 0.5 rad/s when the 3 s window ends: the stop took at least 3 s; drive never off.
        ClauseEvidence e = UNSMOOTHED.evaluate(linearStop(t -> 0.5, t -> 0, 9999));
        Reading stop = single(e, STOP_TIME);
        assertThat(stop.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(stop.valueSi()).hasValueCloseTo(3.0, within(EPS));
        assertThat(stop.window().durationNs()).isEqualTo(3_000_000_000L);
        assertThat(stop.gaps()).isEmpty();
        assertThat(stop.detail()).isEqualTo(
                "trigger: estop_pressed event; window ended by end of observation; NOT at standstill when the window ended (a still moving)");
        // Power still on before standstill proves nothing (category 1 removes it at standstill): at most 1.
        Reading drive = single(e, DRIVE_ENABLED_AT_END);
        assertThat(drive.valueSi()).hasValue(1);
        assertThat(drive.bound()).isEqualTo(Bound.AT_MOST);
        assertThat(drive.gaps()).containsExactly("the stop had not ended when the window did, so drive power at its end is unknown");
        assertThat(drive.detail()).isEqualTo("drive power still on when the window ended, before standstill");
    }

    @Test
    void drivePowerStillOnAfterTheStopEndedIsCategoryTwo() {
        // Standstill from 397 ms as in the linear ramp; the drive is never seen off: exactly 1.
        Reading drive = single(UNSMOOTHED.evaluate(linearStop(t -> Math.max(0, 1 - t / 0.4), t -> 0, 9999)), DRIVE_ENABLED_AT_END);
        assertThat(drive.valueSi()).hasValue(1);
        assertThat(drive.bound()).isEqualTo(Bound.EXACT);
        assertThat(drive.gaps()).isEmpty();
        assertThat(drive.detail()).isEqualTo("drive power still ON at the end of the window (stop category 2 behaviour)");
    }

    @Test
    void usesTheSafetyStateEdgeWhenNoEventIsRecorded() {
        // The 50 Hz state shows the input off at 980 ms and on at 1000 ms: a 20 ms bracket, within
        // maxTriggerUncertainty (20 ms). The window opens at that state sample and starts at its
        // instant: the joint and odometry samples of 1000 ms, although they come before it in the
        // stream, are in the window, all at rest, so the stop time from the earliest instant is
        // 1000 - 980 = 20 ms, whatever the order of the messages of one instant.
        List<Sample> s = new ArrayList<>(linearStop(t -> 0, t -> 0, 1000));
        s.removeIf(x -> x instanceof EventSample);
        Reading stop = single(UNSMOOTHED.evaluate(s), STOP_TIME);
        assertThat(stop.window().startNs()).isEqualTo(at(980));
        assertThat(stop.valueSi()).hasValueCloseTo(0.020, within(EPS));
        assertThat(stop.gaps()).isEmpty();
        assertThat(stop.detail()).startsWith("trigger: safety state e-stop input, sampled between %s and %s;"
                .formatted(TimeWindow.of(at(980), at(980)), TimeWindow.of(at(1000), at(1000))));
    }

    @Test
    void endsTheWindowAtTheReset() {
        List<Sample> s = new ArrayList<>(linearStop(t -> 0, t -> 0, 1000));
        s.add(event(2500, EventSample.ESTOP_RESET));
        Reading stop = single(UNSMOOTHED.evaluate(sorted(s)), STOP_TIME);
        assertThat(stop.window()).isEqualTo(TimeWindow.of(at(1000), at(2500)));
        assertThat(stop.detail()).startsWith("trigger: estop_pressed event; window ended by the next stop, reset, start or motion command;");
    }

    @Test
    void findsNoStopWithoutEstop() {
        ClauseEvidence e = UNSMOOTHED.evaluate(List.of(joints(0, 0, 1), odom(1, 0, 1), safety(2, false, true)));
        assertThat(e.readings()).isEmpty();
        assertThat(e.problems()).containsExactly(
                "no emergency stop asserted in the telemetry (looked for its event and the safety state's input rising)");
    }

    @Test
    void countsJointSamplesWithoutVelocityAsUnknown() {
        // The one joint sample has no velocity: no standstill can be claimed, and the gap says why.
        ClauseEvidence e = UNSMOOTHED.withJoints("a").evaluate(List.of(event(0, EventSample.ESTOP_PRESSED),
                positions(1, List.of("a"), 0), odom(2, 0, 0.9)));
        Reading stop = single(e, STOP_TIME);
        assertThat(stop.gaps()).contains("1 samples of a have no usable velocity");
        assertThat(stop.complete()).isFalse();
        assertThat(stop.valueSi().isPresent() && stop.bound() == Bound.EXACT).as("an exact stop time").isFalse();
    }

    @Test
    void smoothingLeavesTheStandstillOfASteadyDecelerationWhereItIs() {
        // v(t) = 1 - t/0.41 is below 0.01 rad/s from t = 0.4059 s: first sample at 406 ms, both ways
        // (the mean over 402…410 ms of a linear ramp is its value at 406 ms).
        List<Sample> s = linearStop(t -> Math.max(0, 1 - t / 0.41), t -> 0, 1420);
        assertThat(single(UNSMOOTHED.evaluate(s), STOP_TIME).valueSi()).hasValueCloseTo(0.406, within(EPS));
        assertThat(single(SMOOTHED.evaluate(s), STOP_TIME).valueSi()).hasValueCloseTo(0.406, within(EPS));
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
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            double after = Math.max(0, ms - 1000) / 1000.0;
            double noise = ms % 2 == 0 ? 0.004 : -0.004;
            s.add(joints(ms, 0, (ms < 1000 ? 1 : tail.applyAsDouble(after)) + noise));
            s.add(odom(ms, 0, 0.9));
        }
        assertThat(single(UNSMOOTHED.evaluate(s), STOP_TIME).valueSi()).hasValueCloseTo(0.351, within(EPS));
        // A mean of nine samples leaves ±0.44 mrad/s: the last even sample at or above the tolerance is
        // at 260 ms (v = 9.6 mrad/s), so standstill counts from 261 ms, 11 ms from the truth, not 101.
        assertThat(single(SMOOTHED.evaluate(s), STOP_TIME).valueSi()).hasValueCloseTo(0.261, within(EPS));
    }

    @Test
    void smoothingDoesNotChangeSamplesFurtherApartThanHalfTheWindow() {
        // 200 Hz: a 9 ms window holds one sample, so the result equals the unsmoothed one.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms += 5) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            double after = Math.max(0, ms - 1000) / 1000.0;
            s.add(joints(ms, 0, ms < 1000 ? 1 : Math.max(0, 1 - after / 0.3) + (ms % 10 == 0 ? 0.009 : -0.009)));
            s.add(odom(ms, 0, 0.9));
        }
        assertThat(SMOOTHED.evaluate(s)).isEqualTo(UNSMOOTHED.evaluate(s));
    }

    @Test
    void smoothingUsesNoSampleAfterTheWindowEnds() {
        // The reset at 2500 ms ends the window; joints move again right after it. The samples after
        // the reset must not drag the last standstill samples of the window above the tolerance.
        // Joint a: 0.5 rad/s until 1299 ms, 0 from 1300 ms; the 9 ms mean (±4.5 ms) holds no 0.5
        // sample from 1304 ms on, so the stop time is 304 ms, held to the window's end.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 3000; ms++) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            if (ms == 2500) {
                s.add(event(ms, EventSample.ESTOP_RESET));
            }
            double v = ms < 1000 ? 1 : ms < 1300 ? 0.5 : ms <= 2500 ? 0 : 1;
            s.add(joints(ms, 0, v));
            s.add(odom(ms, 0, 0.9));
        }
        Reading stop = single(SMOOTHED.evaluate(s), STOP_TIME);
        assertThat(stop.window().endNs()).isEqualTo(at(2500));
        assertThat(stop.bound()).isEqualTo(Bound.EXACT);
        assertThat(stop.valueSi()).hasValueCloseTo(0.304, within(EPS));
        assertThat(stop.gaps()).isEmpty();
    }

    // ---- what the redesign is meant to get right ----

    /**
     * An e-stop event at 1000 ms. Joints a and c come in one message at 500 Hz, their order swapping
     * from message to message; joint b comes alone in another at 100 Hz, until {@code bLastMs}.
     * Before the e-stop a and b move at 1 rad/s; after it a(t) = 1 - t/0.41, b(t) = 1 - t/0.6 (t in s
     * from the e-stop), c is still. Odometry at 100 Hz, at rest. Samples until 4500 ms.
     */
    private static List<Sample> splitJoints(int bLastMs) {
        IntToDoubleFunction a = ms -> ms < 1000 ? 1 : Math.max(0, 1 - (ms - 1000) / 410.0);
        IntToDoubleFunction b = ms -> ms < 1000 ? 1 : Math.max(0, 1 - (ms - 1000) / 600.0);
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms += 2) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            if (ms % 4 == 0) {
                s.add(joints(ms, List.of("c", "a"), new double[] {0, 0}, new double[] {0, a.applyAsDouble(ms)}));
            } else {
                s.add(joints(ms, List.of("a", "c"), new double[] {0, 0}, new double[] {a.applyAsDouble(ms), 0}));
            }
            if (ms % 10 == 0) {
                if (ms <= bLastMs) {
                    s.add(joints(ms, List.of("b"), new double[] {0}, new double[] {b.applyAsDouble(ms)}));
                }
                s.add(odom(ms, 0, 0.9));
            }
        }
        return s;
    }

    @Test
    void judgesEachJointByNameAcrossMessagesAtDifferentRates() {
        // a: 1 - t/0.41 < 0.01 from t = 405.9 ms; at 500 Hz the first sample below is 406 ms (the 9 ms
        // mean over 402…410 ms of the ramp is its value, 0.0098). b: 1 - t/0.6 is 0.0167 at 590 ms
        // and 0 at 600 ms, its next 100 Hz sample (one sample per 9 ms mean). The later joint decides:
        // 600 ms.
        Reading stop = single(SMOOTHED.withJoints("a", "b", "c").evaluate(splitJoints(4500)), STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.600, within(EPS));
        assertThat(stop.bound()).isEqualTo(Bound.EXACT);
        assertThat(stop.gaps()).isEmpty();
    }

    @Test
    void aJointThatStopsReportingWhileOthersGoOnIsAGapNamingIt() {
        // b's message stops after 1990 ms; the window ends at 4000 ms: a gap of 2010 ms in b alone.
        Reading stop = single(SMOOTHED.withJoints("a", "b", "c").evaluate(splitJoints(1990)), STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.600, within(EPS));
        assertThat(stop.gaps()).containsExactly("b samples have a gap of 2010 ms (at most 50 ms allowed)");
    }

    @Test
    void aDeclaredJointThatNeverReportsIsAGap() {
        Reading stop = single(SMOOTHED.withJoints("a", "b", "knee").evaluate(linearStop(t -> 0, t -> 0, 1000)), STOP_TIME);
        assertThat(stop.gaps()).containsExactly("knee did not report in the window");
    }

    /** An e-stop event at 1000 ms; joints still after it; the base twist {@code base(ms)}; 1 kHz to 4500 ms. */
    private static List<Sample> baseStop(IntFunction<Vector3[]> base) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms++) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            s.add(joints(ms, 0, ms < 1000 ? 1 : 0));
            Vector3[] twist = base.apply(ms);
            s.add(twist(ms, twist[0], twist[1]));
        }
        return s;
    }

    @Test
    void aBaseTurningOnTheSpotIsNotAtStandstill() {
        // No linear velocity, 0.5 rad/s about z throughout: still moving when the 3 s window ends.
        Reading stop = single(SMOOTHED.evaluate(baseStop(ms -> new Vector3[] {Vector3.ZERO, new Vector3(0, 0, 0.5)})), STOP_TIME);
        assertThat(stop.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(stop.valueSi()).hasValueCloseTo(3.0, within(EPS));
        assertThat(stop.detail()).endsWith("NOT at standstill when the window ended (base still moving)");
    }

    @Test
    void theEndOfATurnDecidesTheStopTime() {
        // 0.5 rad/s about z until 1499 ms, then 0. The 9 ms mean at t holds the samples within
        // ±4.5 ms: at 1503 ms one of nine is 0.5 (mean 0.056 rad/s), from 1504 ms none: 504 ms.
        Reading stop = single(SMOOTHED.evaluate(baseStop(ms -> new Vector3[] {Vector3.ZERO,
            new Vector3(0, 0, ms < 1500 ? 0.5 : 0)})), STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.504, within(EPS));
        assertThat(stop.bound()).isEqualTo(Bound.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "y", "z"})
    void baseMotionAlongEveryAxisCounts(String axis) {
        // 0.3 m/s along the axis until 1299 ms, then 0: unsmoothed, standstill from 1300 ms.
        Reading stop = single(UNSMOOTHED.evaluate(baseStop(ms -> new Vector3[] {along(axis, ms < 1300 ? 0.3 : 0), Vector3.ZERO})),
                STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.300, within(EPS));
    }

    /**
     * No event: the 10 Hz safety state shows the e-stop input off up to 900 ms, on from 1000 ms; drive
     * power off from 1100 ms. The robot was stopped at 950 ms: joint a, 1 rad/s before, decelerates as
     * 1 - (t - 950 ms)/410 ms; then moves on at {@code after} rad/s from 2000 ms. 1 kHz joints and odometry.
     */
    private static List<Sample> sampledTrigger(double after) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms++) {
            double v = ms < 950 ? 1 : ms < 2000 ? Math.max(0, 1 - (ms - 950) / 410.0) : after;
            s.add(joints(ms, 0, v));
            s.add(odom(ms, 0, 0.9));
            if (ms % 100 == 0) {
                s.add(safety(ms, ms >= 1000, ms < 1100));
            }
        }
        return s;
    }

    @Test
    void aTriggerSeenOnlyInThe10HzStateIsTimedFromTheLastSampleWithoutTheInput() {
        // The input asserted between 900 and 1000 ms: a 100 ms bracket, wider than 20 ms, so a gap.
        // a(t) < 0.01 rad/s from t - 950 > 405.9 ms: the first sample below is 1356 ms (the 9 ms mean of
        // the ramp over 1352…1360 ms is its value, 0.0098). Stop time from 900 ms: 456 ms. Drive off at
        // 1100 ms: 200 ms after the earliest instant.
        ClauseEvidence e = SMOOTHED.evaluate(sampledTrigger(0));
        Reading stop = single(e, STOP_TIME);
        assertThat(stop.window()).isEqualTo(TimeWindow.of(at(900), at(3900)));
        assertThat(stop.valueSi()).hasValueCloseTo(0.456, within(EPS));
        assertThat(stop.bound()).isEqualTo(Bound.EXACT);
        assertThat(stop.gaps()).containsExactly("the trigger was seen only through the sampled safety state: it asserted between "
                + TimeWindow.of(at(900), at(900)) + " and " + TimeWindow.of(at(1000), at(1000))
                + " (100 ms), more than maxTriggerUncertainty 20 ms");
        assertThat(single(e, DRIVE_ENABLED_AT_END).detail()).isEqualTo("drive power off from 200 ms after the stop input");
    }

    @Test
    void stillMovingAtTheEndIsAtLeastTheWindowFromTheEarliestTriggerInstant() {
        // Moving again at 0.5 rad/s from 2000 ms: not at standstill when the window ends at
        // 900 + 3000 ms, so the stop took at least 3 s from the earliest instant.
        Reading stop = single(SMOOTHED.evaluate(sampledTrigger(0.5)), STOP_TIME);
        assertThat(stop.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(stop.valueSi()).hasValueCloseTo(3.0, within(EPS));
        assertThat(stop.window()).isEqualTo(TimeWindow.of(at(900), at(3900)));
    }

    @Test
    void aTriggerBracketOfAtMostMaxTriggerUncertaintyIsNoGap() {
        // The 50 Hz state, logged first at each instant: off at 980 ms, on at 1000 ms, a 20 ms bracket.
        // Joint a is at rest from 1000 ms, the window's first sample: 1000 - 980 = 20 ms.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms++) {
            if (ms % 20 == 0) {
                s.add(safety(ms, ms >= 1000, ms < 1000));
            }
            s.add(joints(ms, 0, ms < 1000 ? 1 : 0));
            s.add(odom(ms, 0, 0.9));
        }
        Reading stop = single(SMOOTHED.with("standstillSmoothing", 0, Unit.MILLISECOND).evaluate(s), STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.020, within(EPS));
        assertThat(stop.gaps()).isEmpty();
    }

    /** A safety state with only the named input ({@code estop} or {@code protective-stop}) at {@code asserted}. */
    private static SafetyStateSample input(String kind, double ms, boolean asserted) {
        return safety(ms, "auto", kind.equals("estop") && asserted, kind.equals("protective-stop") && asserted, !asserted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"estop", "protective-stop"})
    void anEventAndTheStateThatFollowsItAreOneTrigger(String kind) {
        // The stop event at 1000 ms; the 50 Hz state lags it, showing the input only from 1040 ms.
        // Joint a stops at 1300 ms: one window from the event, stop time 300 ms.
        String eventKind = kind.equals("estop") ? EventSample.ESTOP_PRESSED : Triggers.PROTECTIVE_STOP;
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms++) {
            if (ms == 1000) {
                s.add(event(ms, eventKind));
            }
            s.add(joints(ms, 0, ms < 1300 ? 1 : 0));
            s.add(odom(ms, 0, 0.9));
            if (ms % 20 == 0) {
                s.add(input(kind, ms, ms >= 1040));
            }
        }
        ClauseEvidence e = UNSMOOTHED.withOption("trigger", kind).evaluate(s);
        Reading stop = single(e, STOP_TIME);
        assertThat(stop.window()).isEqualTo(TimeWindow.of(at(1000), at(4000)));
        assertThat(stop.valueSi()).hasValueCloseTo(0.300, within(EPS));
        assertThat(stop.detail()).startsWith("trigger: " + eventKind + " event; window ended by end of observation;");
    }

    @Test
    void twoEmergencyStopsInOneRecordingAreBothJudgedAndTheFirstWindowEndsAtTheReset() {
        // E-stop at 1000 ms, joint a still from 1300 ms; reset at 2500 ms, start at 2700 ms, moving
        // again from 2700 ms; e-stop at 3500 ms, still from 3950 ms. Window 1: [1000, 2500] ms, 300 ms.
        // Window 2: [3500, 6500] ms, 450 ms.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 7000; ms++) {
            if (ms == 1000 || ms == 3500) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            } else if (ms == 2500) {
                s.add(event(ms, EventSample.ESTOP_RESET));
            } else if (ms == 2700) {
                s.add(event(ms, Triggers.START));
            }
            boolean moving = ms < 1300 || (ms >= 2700 && ms < 3950);
            s.add(joints(ms, 0, moving ? 1 : 0));
            s.add(odom(ms, 0, 0.9));
        }
        List<Reading> stops = UNSMOOTHED.evaluate(s).readings(STOP_TIME);
        assertThat(stops).extracting(Reading::window)
                .containsExactly(TimeWindow.of(at(1000), at(2500)), TimeWindow.of(at(3500), at(6500)));
        assertThat(stops.get(0).valueSi()).hasValueCloseTo(0.300, within(EPS));
        assertThat(stops.get(0).detail()).startsWith("trigger: estop_pressed event; window ended by the next stop, reset, start or motion command;");
        assertThat(stops.get(1).valueSi()).hasValueCloseTo(0.450, within(EPS));
        assertThat(stops).allSatisfy(r -> assertThat(r.gaps()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"estop_reset", "start", "protective_stop", "stop_requested", "protective_stop_released", "command"})
    void theNextStopResetStartOrMotionCommandCutsTheOpenWindow(String kind) {
        // E-stop at 1000 ms, the event at 1500 ms while joint a still moves: the e-stop's window ends
        // there, at least 500 ms (a bound below the 600 ms limit: never a PASS), and no other window
        // of the e-stop clause opens. A motion command the robot accepted (e.g. the next walk after a
        // normal stop) ends the window: what the robot does after it is the command's, not the stop's.
        List<Sample> s = new ArrayList<>(linearStop(t -> 0.5, t -> 0, 9999));
        s.add(event(1500, kind));
        List<Reading> stops = UNSMOOTHED.evaluate(sorted(s)).readings(STOP_TIME);
        assertThat(stops).hasSize(1);
        assertThat(stops.get(0).window()).isEqualTo(TimeWindow.of(at(1000), at(1500)));
        assertThat(stops.get(0).bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(stops.get(0).valueSi()).hasValueCloseTo(0.5, within(EPS));
        assertThat(stops.get(0).detail()).isEqualTo("trigger: estop_pressed event; window ended by the next stop, reset, start or motion command; "
                + "NOT at standstill when the window ended (a still moving)");
    }

    @Test
    void aSecondPressWhileLatchedIsNotANewStop() {
        List<Sample> s = new ArrayList<>(linearStop(t -> Math.max(0, 1 - t / 0.4), t -> 0, 1420));
        s.add(event(1200, EventSample.ESTOP_PRESSED));
        List<Reading> stops = UNSMOOTHED.evaluate(sorted(s)).readings(STOP_TIME);
        assertThat(stops).extracting(Reading::window).containsExactly(TimeWindow.of(at(1000), at(4000)));
        assertThat(stops.get(0).valueSi()).hasValueCloseTo(0.397, within(EPS));
    }

    @Test
    void aJointStateWithoutVelocitiesIsUnknownNeverMoving() {
        // Positions only, at 1 kHz, for the whole window [1000, 4000] ms: 3001 samples per joint whose
        // speed is unknown. Nothing was seen moving, so no stop time can be given, not even a bound
        // ("at least 3 s" would prove a FAIL against the 600 ms limit that no sample shows).
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4500; ms++) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            s.add(positions(ms, List.of("a", "b"), 0, 0));
            s.add(odom(ms, 0, 0.9));
        }
        Reading stop = single(SMOOTHED.evaluate(s), STOP_TIME);
        assertThat(stop.gaps()).containsExactly("3001 samples of a have no usable velocity", "3001 samples of b have no usable velocity");
        assertThat(stop.valueSi()).as("stop time with no joint velocity known").isEmpty();
    }

    @Test
    void aShortStandstillBeforeTheWindowEndsIsAGap() {
        // Reset at 1250 ms; joint a still from 1100 ms: standstill held 150 ms < minStandstillHold 200 ms.
        List<Sample> s = new ArrayList<>(linearStop(t -> t < 0.1 ? 1 : 0, t -> 0, 1000));
        s.add(event(1250, EventSample.ESTOP_RESET));
        Reading stop = single(UNSMOOTHED.evaluate(sorted(s)), STOP_TIME);
        assertThat(stop.valueSi()).hasValueCloseTo(0.100, within(EPS));
        assertThat(stop.gaps()).containsExactly("standstill was seen for only 150 ms before the window ended (200 ms needed)");
    }

    // ---- fault events during a normal stop (SE-NSTOP-01) ----

    /** A normal stop at 1000 ms from 1 rad/s and 0.5 m/s, at rest from 1400 ms, 1 kHz; and {@code more}. */
    private static List<Sample> normalStop(Sample... more) {
        List<Sample> s = new ArrayList<>();
        s.add(event(1000, Triggers.STOP_REQUESTED));
        s.addAll(List.of(more));
        for (int ms = 0; ms <= 5000; ms++) {
            double f = ms < 1000 ? 1 : Math.max(0, 1 - (ms - 1000) / 400.0);
            s.add(joints(ms, 0, f));
            s.add(odom(ms, 0.5 * f, 0.9));
        }
        return sorted(s);
    }

    @Test
    void countsTheFaultEventsOfTheStopWindowOnly() {
        FamilyFixture clause = FamilyFixture.normalStop();
        Reading none = single(clause.evaluate(normalStop(event(500, "fault"))), StopResponse.FAULT_EVENTS);
        assertThat(none.valueSi()).hasValue(0);
        assertThat(none.gaps()).isEmpty();
        assertThat(none.detail()).isEqualTo("trigger: stop_requested event; window ended by end of observation; no fault event in the window");

        Reading one = single(clause.evaluate(normalStop(new EventSample(at(1000), "/events", "fault", "drive fault"), event(3500, "fault"))),
                StopResponse.FAULT_EVENTS);
        // The window is [1000, 4000] ms: the fault at 1000 ms counts, the one at 3500 ms too.
        assertThat(one.valueSi()).hasValue(2);
        assertThat(one.detail()).endsWith("; 2 fault event(s), the first: fault at %s (drive fault)".formatted(TimeWindow.of(at(1000), at(1000))));
        assertThat(single(clause.evaluate(normalStop()), STOP_TIME).valueSi()).hasValueCloseTo(0.4, within(0.01));
    }

    @Test
    void aStopWindowTheTelemetryCutsShortLeavesLaterFaultsUnseen() {
        List<Sample> cut = normalStop().stream().filter(s -> s.tNs() <= at(2000)).toList();
        Reading r = single(FamilyFixture.normalStop().evaluate(cut), StopResponse.FAULT_EVENTS);
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.gaps()).containsExactly("the telemetry ends 1000 ms after the stop; a fault after that is not seen");
    }

    @Test
    void aSafetyFaultEventOpensAStopWindow() {
        FamilyFixture clause = SMOOTHED.withOption("trigger", "safety-fault");
        List<Sample> s = linearStop(t -> Math.max(0, 1 - t / 0.4), t -> 0, 1420).stream()
                .map(x -> x instanceof EventSample ? new EventSample(x.tNs(), "/events", "fault", "")
                        : x instanceof SafetyStateSample st ? new SafetyStateSample(st.tNs(), st.topic(), st.mode(), false, false, st.driveEnabled())
                        : x).toList();
        Reading stop = single(clause.evaluate(s), STOP_TIME);
        assertThat(stop.detail()).startsWith("trigger: fault event; ");
        assertThat(stop.valueSi()).hasValueCloseTo(0.397, within(0.01));
    }
}
