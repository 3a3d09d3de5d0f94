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
import static org.hcert.conformance.family.RestartAfterReset.BASE_SPEED;
import static org.hcert.conformance.family.RestartAfterReset.BASE_TURN_RATE;
import static org.hcert.conformance.family.RestartAfterReset.JOINT_SPEED;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RestartAfterResetTest {

    /** SE-ESTOP-02 as the standard profile gives it: 3 s window, 1 s at least, 50 ms gaps. */
    private static final FamilyFixture CLAUSE = FamilyFixture.restartAfterReset();

    private static final double EPS = 1e-12;

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
                s.add(event(ms, Triggers.START));
            }
            s.add(joints(ms, 0, joint.applyAsDouble(ms)));
            s.add(odom(ms, 0, 0.9));
            if (ms % 20 == 0) {
                s.add(safety(ms, ms >= 1000 && ms < 2000, ms < 1000 || ms >= startMs && startMs >= 0));
            }
        }
        return s;
    }

    // ---- ported from ResetMotionMetricTest ----

    @Test
    void aStartAtOnceAfterTheResetLeavesNothingToJudgeInThatWindow() {
        // Reset at 2000 ms, start 5 ms later (within maxSampleGap 50 ms): no sample lies between them,
        // so that window gives no reading; with no other reset the clause lacks a long window.
        List<Sample> s = new ArrayList<>(run(4000, -1, true, ms -> 0));
        s.add(event(2005, Triggers.START));
        ClauseEvidence e = CLAUSE.evaluate(sorted(s));
        assertThat(e.readings(JOINT_SPEED)).isEmpty();
        assertThat(e.problems()).containsExactly("no e-stop reset was followed by 1000 ms without a start command");
    }

    @Test
    void watchesFromTheResetToTheStartCommand() {
        // Window [2000, 2500] ms; the start event precedes the 2500 ms samples, so the joints are
        // seen from 2000 to 2490 ms, every 10 ms, all at rest. 500 ms without a start is less than
        // minObservation (1 s): the clause has no long enough reset.
        ClauseEvidence e = CLAUSE.evaluate(run(4000, 2500, true, ms -> ms < 1200 ? 1 : 0));
        Reading joint = single(e, JOINT_SPEED);
        assertThat(joint.window()).isEqualTo(TimeWindow.of(at(2000), at(2500)));
        assertThat(joint.valueSi()).hasValue(0);
        assertThat(joint.gaps()).isEmpty();
        assertThat(joint.detail()).startsWith("reset: estop_reset event; window ended by start event;");
        Reading base = single(e, BASE_SPEED);
        assertThat(base.subject()).isEqualTo("base");
        assertThat(base.valueSi()).hasValue(0);
        assertThat(base.gaps()).isEmpty();
        assertThat(e.problems()).containsExactly("no e-stop reset was followed by 1000 ms without a start command");
    }

    @Test
    void findsTheJointThatRestartsAfterTheReset() {
        // The robot resumes on its own 300 ms after the reset, speeding up at 2 rad/s²: at the end of
        // the telemetry, 4000 ms, joint a is at (4000 - 2300)·0.002 = 3.4 rad/s.
        ClauseEvidence e = CLAUSE.evaluate(run(4000, -1, true, ms -> ms < 1200 ? 1 : Math.max(0, (ms - 2300) * 0.002)));
        Reading joint = single(e, JOINT_SPEED);
        assertThat(joint.subject()).isEqualTo("a");
        assertThat(joint.valueSi()).hasValueCloseTo(3.4, within(1e-9));
        assertThat(joint.detail()).isEqualTo("reset: estop_reset event; window ended by end of the telemetry; fastest joint a at "
                + TimeWindow.of(at(4000), at(4000)));
        // 2 s were watched, more than minObservation: complete.
        assertThat(joint.gaps()).isEmpty();
        assertThat(e.problems()).isEmpty();
        // its plot: joint a's speed over the window, at rest and then rising to the reading's value
        assertThat(joint.traces()).singleElement().satisfies(t -> {
            assertThat(t.signal()).isEqualTo("speed of a");
            assertThat(t.points().get(0).max()).isZero();
            assertThat(t.points().get(t.points().size() - 1).max()).isCloseTo(3.4, within(1e-9));
        });
    }

    @Test
    void endsTheWindowAfterTheObservationTime() {
        Reading joint = single(CLAUSE.evaluate(run(8000, -1, true, ms -> 0)), JOINT_SPEED);
        assertThat(joint.window()).isEqualTo(TimeWindow.of(at(2000), at(5000)));
        assertThat(joint.detail()).startsWith("reset: estop_reset event; window ended by end of observation;");
    }

    @Test
    void usesTheSafetyStateLatchClearingWithoutEvents() {
        // The state's e-stop input rises at 1000 ms and falls at 2000 ms; the telemetry ends at 3000 ms.
        Reading joint = single(CLAUSE.evaluate(run(3000, -1, false, ms -> 0)), JOINT_SPEED);
        assertThat(joint.window()).isEqualTo(TimeWindow.of(at(2000), at(3000)));
        // Seen only in the 50 Hz state: between the samples at 1980 and 2000 ms (within maxTriggerUncertainty).
        assertThat(joint.detail()).startsWith("reset: safety state e-stop input released between %s and %s; window ended by end of the telemetry;"
                .formatted(TimeWindow.of(at(1980), at(1980)), TimeWindow.of(at(2000), at(2000))));
        assertThat(joint.gaps()).isEmpty();
    }

    @Test
    void aNewStopEndsTheWindow() {
        List<Sample> s = new ArrayList<>(run(4000, -1, true, ms -> 0));
        s.add(event(3000, EventSample.ESTOP_PRESSED));
        Reading joint = single(CLAUSE.evaluate(sorted(s)), JOINT_SPEED);
        assertThat(joint.window()).isEqualTo(TimeWindow.of(at(2000), at(3000)));
        assertThat(joint.detail()).startsWith("reset: estop_reset event; window ended by a new stop;");
    }

    @Test
    void findsNoResetWithoutOne() {
        ClauseEvidence e = CLAUSE.evaluate(List.of(joints(0, 0, 1), odom(1, 0, 1), safety(2, false, true), event(3, Triggers.START)));
        assertThat(e.readings()).isEmpty();
        assertThat(e.problems()).containsExactly(
                "no e-stop reset in the telemetry (looked for estop_reset events and the safety state's e-stop input falling)");
    }

    @Test
    void jointSamplesWithoutVelocityMakeTheSpeedUnknown() {
        // A reset with nothing known before it counts (the recording may begin latched). The one
        // joint sample has no velocity: no value, never 0.
        ClauseEvidence e = CLAUSE.withJoints("a").evaluate(List.of(event(0, EventSample.ESTOP_RESET),
                positions(10, List.of("a"), 0), odom(20, 0, 0.9)));
        Reading joint = single(e, JOINT_SPEED);
        assertThat(joint.valueSi()).isEmpty();
        assertThat(joint.gaps()).containsExactly("the telemetry ends 20 ms after the reset; 1000 ms without a start are needed",
                "1 samples of a have no usable value");
    }

    @Test
    void reportsTheLongestGapOfEitherSignal() {
        // Odometry is missing from 300 to 700 ms: from its sample at 290 ms to the next at 710 ms, 420 ms.
        List<Sample> s = new ArrayList<>();
        s.add(event(0, EventSample.ESTOP_RESET));
        for (int ms = 10; ms <= 1000; ms += 10) {
            s.add(joints(ms, 0, 0));
            if (ms < 300 || ms > 700) {
                s.add(odom(ms, 0, 0.9));
            }
        }
        ClauseEvidence e = CLAUSE.evaluate(s);
        assertThat(single(e, JOINT_SPEED).gaps()).isEmpty();
        assertThat(single(e, BASE_SPEED).gaps()).containsExactly("base samples have a gap of 420 ms (at most 50 ms allowed)");
        assertThat(single(e, BASE_TURN_RATE).gaps()).containsExactly("base samples have a gap of 420 ms (at most 50 ms allowed)");
    }

    @Test
    void countsEachResetOnceThoughTheSafetyStateCatchesUpAfterTheStart() {
        // The harness resets and starts at once; the 50 Hz safety state shows the latch clear only
        // after the start event, and the robot walks off. That is one reset, ended by the start 2 ms
        // later: within one sampling gap, so nothing is judged in it; and the state's late falling
        // edge must not open a second window in which the walking robot would look like a restart.
        List<Sample> s = new ArrayList<>();
        s.add(safety(0, false, true));
        s.add(event(1000, EventSample.ESTOP_PRESSED));
        s.add(safety(1000, true, false));
        s.add(event(2000, EventSample.ESTOP_RESET));
        s.add(event(2002, Triggers.START));
        s.add(safety(2020, false, true));
        for (int ms = 1000; ms <= 4000; ms += 10) {
            s.add(joints(ms + 5, 0, ms < 1200 || ms > 2100 ? 1 : 0));
            s.add(odom(ms + 5, 0, 0.9));
        }
        ClauseEvidence e = CLAUSE.evaluate(sorted(s));
        assertThat(e.readings(JOINT_SPEED)).isEmpty();
        assertThat(e.problems()).containsExactly("no e-stop reset was followed by 1000 ms without a start command");
    }

    @Test
    void aResetWhileTheSafetyStateShowsNoLatchIsNoReset() {
        ClauseEvidence e = CLAUSE.evaluate(List.of(safety(0, false, true), event(10, EventSample.ESTOP_RESET), joints(20, 0, 1),
                odom(20, 0, 0.9)));
        assertThat(e.readings()).isEmpty();
        assertThat(e.problems()).containsExactly(
                "no e-stop reset in the telemetry (looked for estop_reset events and the safety state's e-stop input falling)");
    }

    // ---- what the redesign is meant to get right ----

    /**
     * Reset at 0 ms, no start; to 4000 ms. Joints a and c in one message at 500 Hz (order swapping
     * each message), b alone in another at 100 Hz until {@code bLastMs}; odometry at 100 Hz.
     * a at rest; c creeps at 0.004 rad/s; b moves at 0.05 rad/s from 500 ms.
     */
    private static List<Sample> splitJoints(int bLastMs) {
        List<Sample> s = new ArrayList<>();
        s.add(event(0, EventSample.ESTOP_RESET));
        for (int ms = 0; ms <= 4000; ms += 2) {
            if (ms % 4 == 0) {
                s.add(joints(ms, List.of("c", "a"), new double[] {0, 0}, new double[] {0.004, 0}));
            } else {
                s.add(joints(ms, List.of("a", "c"), new double[] {0, 0}, new double[] {0, -0.004}));
            }
            if (ms % 10 == 0) {
                if (ms <= bLastMs) {
                    s.add(joints(ms, List.of("b"), new double[] {0}, new double[] {ms < 500 ? 0 : 0.05}));
                }
                s.add(odom(ms, 0, 0.9));
            }
        }
        return s;
    }

    @Test
    void judgesEachJointByNameAcrossMessagesAtDifferentRates() {
        // The fastest joint is b, at 0.05 rad/s from its 100 Hz sample at 500 ms; the window ends at
        // 3000 ms (observationWindow), where the 3002 ms sample closes it.
        Reading joint = single(CLAUSE.withJoints("a", "b", "c").evaluate(splitJoints(4000)), JOINT_SPEED);
        assertThat(joint.subject()).isEqualTo("b");
        assertThat(joint.valueSi()).hasValueCloseTo(0.05, within(EPS));
        assertThat(joint.bound()).isEqualTo(Bound.EXACT);
        assertThat(joint.gaps()).isEmpty();
        assertThat(joint.detail()).endsWith("fastest joint b at " + TimeWindow.of(at(500), at(500)));
    }

    @Test
    void aJointThatStopsReportingWhileOthersGoOnIsAGapNamingIt() {
        // b's message stops after 1000 ms; the window ends at 3000 ms: a gap of 2000 ms in b alone.
        Reading joint = single(CLAUSE.withJoints("a", "b", "c").evaluate(splitJoints(1000)), JOINT_SPEED);
        assertThat(joint.gaps()).containsExactly("b samples have a gap of 2000 ms (at most 50 ms allowed)");
        assertThat(joint.valueSi()).hasValueCloseTo(0.05, within(EPS));
    }

    /** Reset at 0 ms, no start; joints at rest, base twist {@code base(ms)}, 100 Hz to 4000 ms. */
    private static List<Sample> baseAfterReset(IntFunction<Vector3[]> base) {
        List<Sample> s = new ArrayList<>();
        s.add(event(0, EventSample.ESTOP_RESET));
        for (int ms = 0; ms <= 4000; ms += 10) {
            s.add(joints(ms, 0, 0));
            Vector3[] twist = base.apply(ms);
            s.add(twist(ms, twist[0], twist[1]));
        }
        return s;
    }

    @Test
    void aTurnOnTheSpotAfterTheResetIsMeasuredAsTurnRate() {
        // No linear motion; from 600 ms the base turns at 0.2 rad/s about z.
        ClauseEvidence e = CLAUSE.evaluate(baseAfterReset(ms -> new Vector3[] {Vector3.ZERO, new Vector3(0, 0, ms < 600 ? 0 : 0.2)}));
        Reading turn = single(e, BASE_TURN_RATE);
        assertThat(turn.subject()).isEqualTo("base");
        assertThat(turn.valueSi()).hasValueCloseTo(0.2, within(EPS));
        assertThat(turn.detail()).endsWith("fastest at " + TimeWindow.of(at(600), at(600)));
        assertThat(single(e, BASE_SPEED).valueSi()).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "y", "z"})
    void baseMotionAlongEveryAxisCounts(String axis) {
        // From 600 ms the base drifts at 0.05 m/s along the axis.
        ClauseEvidence e = CLAUSE.evaluate(baseAfterReset(ms -> new Vector3[] {along(axis, ms < 600 ? 0 : 0.05), Vector3.ZERO}));
        assertThat(single(e, BASE_SPEED).valueSi()).hasValueCloseTo(0.05, within(EPS));
        assertThat(single(e, BASE_TURN_RATE).valueSi()).hasValue(0);
    }

    @Test
    void everyResetIsJudged() {
        // Two e-stops, each reset: windows [2000, 3000] ms (cut by the second e-stop) and [4000, 7000] ms.
        // The robot creeps at 0.02 rad/s after the second reset only.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 7500; ms += 10) {
            if (ms == 1000 || ms == 3000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            } else if (ms == 2000 || ms == 4000) {
                s.add(event(ms, EventSample.ESTOP_RESET));
            }
            s.add(joints(ms, 0, ms >= 4500 ? 0.02 : 0));
            s.add(odom(ms, 0, 0.9));
        }
        List<Reading> joint = CLAUSE.evaluate(s).readings(JOINT_SPEED);
        assertThat(joint).extracting(Reading::window)
                .containsExactly(TimeWindow.of(at(2000), at(3000)), TimeWindow.of(at(4000), at(7000)));
        assertThat(joint.get(0).valueSi()).hasValue(0);
        assertThat(joint.get(1).valueSi()).hasValueCloseTo(0.02, within(EPS));
    }

    @Test
    void aRecordingThatBeginsLatchedCountsItsReset() {
        // The first state already shows the e-stop input; it falls at 500 ms: a reset, watched to 3500 ms.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms += 10) {
            s.add(joints(ms, 0, 0));
            s.add(odom(ms, 0, 0.9));
            if (ms % 20 == 0) {
                s.add(safety(ms, ms < 500, ms >= 500));
            }
        }
        ClauseEvidence e = CLAUSE.evaluate(s);
        Reading joint = single(e, JOINT_SPEED);
        assertThat(joint.window()).isEqualTo(TimeWindow.of(at(500), at(3500)));
        assertThat(joint.detail()).startsWith("reset: safety state e-stop input released between %s and %s; window ended by end of observation;"
                .formatted(TimeWindow.of(at(480), at(480)), TimeWindow.of(at(500), at(500))));
        assertThat(e.problems()).isEmpty();
    }

    // ---- after a power restore (SE-STOP-08) ----

    /** The drive bus cut at 1000 ms, restored at 2000 ms; 50 Hz state (mode unpowered between); joints and odometry at 100 Hz. */
    private static List<Sample> powerCycle(boolean events, int statePeriodMs, DoubleUnaryOperator joint) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 5000; ms += 10) {
            if (events && ms == 1000) {
                s.add(event(ms, "power_lost"));
            }
            if (events && ms == 2000) {
                s.add(event(ms, "power_restored"));
            }
            s.add(joints(ms, 0, joint.applyAsDouble(ms)));
            s.add(odom(ms, 0, 0.9));
            if (ms % statePeriodMs == 0) {
                s.add(safety(ms, ms >= 1000 && ms < 2000 ? "unpowered" : "standing", false, false, ms < 1000));
            }
        }
        return s;
    }

    @Test
    void watchesFromThePowerRestoreAndFindsARestart() {
        FamilyFixture clause = FamilyFixture.restartAfterPower();
        ClauseEvidence still = clause.evaluate(powerCycle(true, 20, ms -> 0));
        Reading r = single(still, JOINT_SPEED);
        assertThat(r.window()).isEqualTo(TimeWindow.of(at(2000), at(5000)));
        assertThat(r.gaps()).isEmpty();
        assertThat(r.detail()).startsWith("power restored: power_restored event; window ended by end of observation; fastest joint ");
        assertThat(still.problems()).isEmpty();

        ClauseEvidence moving = clause.evaluate(powerCycle(true, 20, ms -> ms >= 2300 ? 0.4 : 0));
        assertThat(single(moving, JOINT_SPEED).valueSi()).hasValueCloseTo(0.4, within(EPS));
        // An e-stop reset opens no window of this clause.
        assertThat(clause.evaluate(run(4000, -1, true, ms -> 0)).problems()).containsExactly(
                "no power restore in the telemetry (looked for power_restored events and the safety state's mode leaving unpowered)");
    }

    @Test
    void aPowerRestoreSeenOnlyInATenHertzStateStartsAtItsLastSampleWithTheBracketAsAGap() {
        ClauseEvidence e = FamilyFixture.restartAfterPower().evaluate(powerCycle(false, 100, ms -> 0));
        Reading r = single(e, JOINT_SPEED);
        // Unpowered at 1900 ms, standing at 2000 ms: the restore lies in [1900, 2000] ms; the window starts at 2000.
        assertThat(r.window().startNs()).isEqualTo(at(2000));
        assertThat(r.gaps()).containsExactly(("the power restore was seen only through the sampled safety state, "
                + "between %s and %s (100 ms), more than maxTriggerUncertainty 20 ms: motion in between is not attributed")
                .formatted(TimeWindow.of(at(1900), at(1900)), TimeWindow.of(at(2000), at(2000))));
        // A robot that moves after it is still caught.
        ClauseEvidence moving = FamilyFixture.restartAfterPower().evaluate(powerCycle(false, 100, ms -> ms >= 2300 ? 0.4 : 0));
        assertThat(single(moving, JOINT_SPEED).valueSi()).hasValueCloseTo(0.4, within(EPS));
    }
}
