package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.joints;
import static org.hcert.conformance.family.FamilyFixture.positions;
import static org.hcert.conformance.family.JointRange.OVERRUN;

import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class JointRangeTest {

    /** LC-JNT-01 as the standard profile gives it: 50 ms gaps, at least 1 s of samples. */
    private static final FamilyFixture CLAUSE = FamilyFixture.jointRange();

    private static final double EPS = 1e-12;

    /** q(t) = sin(2πt) for joint a (b at 0) over one second at 1 kHz: minimum -1 at 750 ms, maximum 1 at 250 ms. */
    private static List<Sample> sine() {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 1000; ms++) {
            s.add(joints(ms, Math.sin(2 * Math.PI * ms / 1000.0), 0));
        }
        return s;
    }

    // ---- ported from JointLimitMetricTest ----

    @Test
    void findsTheWorstOverrunOnTheLowerSide() {
        // Limits [-0.9, 1.2] rad: 1 - 1.2 = -0.2 above, -0.9 - (-1) = 0.1 below; the lower side is worse.
        Reading a = single(CLAUSE.withJoints(new DeclaredJoint("a", -0.9, 1.2, 8)).evaluate(sine()));
        assertThat(a.subject()).isEqualTo("a");
        assertThat(a.valueSi()).hasValueCloseTo(0.1, within(EPS));
        assertThat(a.bound()).isEqualTo(Bound.EXACT);
        assertThat(a.window()).isEqualTo(TimeWindow.of(at(0), at(1000)));
        // 1001 samples 1 ms apart cover exactly 1000 ms, minDuration: complete.
        assertThat(a.gaps()).isEmpty();
        assertThat(a.detail()).isEqualTo("a: min -1 rad vs lower limit -0.9 rad at %s (negative = inside by that margin)"
                .formatted(TimeWindow.of(at(750), at(750))));
    }

    @Test
    void reportsTheMarginWhenInsideTheLimits() {
        // Limits [-1.5, 1.25] rad: 1 - 1.25 = -0.25 above, -1.5 + 1 = -0.5 below: 0.25 rad to spare, at the maximum.
        Reading a = single(CLAUSE.withJoints(new DeclaredJoint("a", -1.5, 1.25, 8)).evaluate(sine()));
        assertThat(a.valueSi()).hasValueCloseTo(-0.25, within(EPS));
        assertThat(a.detail()).isEqualTo("a: max 1 rad vs upper limit 1.25 rad at %s (negative = inside by that margin)"
                .formatted(TimeWindow.of(at(250), at(250))));
    }

    @Test
    void listsDeclaredJointsThatNeverAppear() {
        List<Reading> r = CLAUSE.withJoints(new DeclaredJoint("a", -2, 2, 8), new DeclaredJoint("missing", -2, 2, 8))
                .evaluate(sine()).readings(OVERRUN);
        assertThat(r).extracting(Reading::subject).containsExactly("a", "missing");
        assertThat(r.get(0).valueSi()).hasValueCloseTo(-1.0, within(EPS));
        assertThat(r.get(1).valueSi()).isEmpty();
        assertThat(r.get(1).gaps()).containsExactly("declared joint missing never reports a position");
    }

    @Test
    void measuresTheLongestGapAndCountsNonFinitePositions() {
        // Samples at 0, 10 (NaN) and 70 ms: the longest gap is 60 ms, the span 70 ms; the NaN is no
        // position, so both finite samples (0 rad) leave 1 rad to each limit.
        ClauseEvidence e = CLAUSE.withJoints("a").evaluate(List.of(joints(0, 0, 0), joints(10, Double.NaN, 0), joints(70, 0, 0)));
        Reading a = single(e);
        assertThat(a.valueSi()).hasValueCloseTo(-1.0, within(EPS));
        assertThat(a.gaps()).containsExactly("a samples have a gap of 60 ms (at most 50 ms allowed)",
                "a samples cover only 70 ms (at least 1000 ms needed)", "1 positions of a are NaN or infinite");
    }

    // ---- what the redesign is meant to get right ----

    /**
     * To 2000 ms: joints a and c in one message at 500 Hz, their order swapping each message; b alone
     * in another at 100 Hz until {@code bLastMs}. a at 0.5 rad, b at -0.8 rad, c at 0.
     */
    private static List<Sample> splitJoints(int bLastMs) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 2) {
            if (ms % 4 == 0) {
                s.add(positions(ms, List.of("c", "a"), 0, 0.5));
            } else {
                s.add(positions(ms, List.of("a", "c"), 0.5, 0));
            }
            if (ms % 10 == 0 && ms <= bLastMs) {
                s.add(positions(ms, List.of("b"), -0.8));
            }
        }
        return s;
    }

    private static final DeclaredJoint[] SPLIT = {new DeclaredJoint("a", -1, 0.4, 8), new DeclaredJoint("b", -0.5, 0.5, 8),
        new DeclaredJoint("c", -1, 1, 8)};

    @Test
    void judgesEachJointByNameAcrossMessagesAtDifferentRates() {
        // a: 0.5 - 0.4 = 0.1 over its upper limit; b: -0.5 - (-0.8) = 0.3 under its lower; c: 1 inside.
        List<Reading> r = CLAUSE.withJoints(SPLIT).evaluate(splitJoints(2000)).readings(OVERRUN);
        assertThat(r).extracting(Reading::subject).containsExactly("a", "b", "c");
        assertThat(r.get(0).valueSi()).hasValueCloseTo(0.1, within(EPS));
        assertThat(r.get(1).valueSi()).hasValueCloseTo(0.3, within(EPS));
        assertThat(r.get(2).valueSi()).hasValueCloseTo(-1.0, within(EPS));
        assertThat(r).allSatisfy(x -> assertThat(x.gaps()).isEmpty());
    }

    @Test
    void aJointThatStopsReportingWhileOthersGoOnIsAGapNamingIt() {
        // b's message stops after 1000 ms; the telemetry goes on to 2000 ms: 1000 ms without b.
        List<Reading> r = CLAUSE.withJoints(SPLIT).evaluate(splitJoints(1000)).readings(OVERRUN);
        assertThat(r.get(0).gaps()).isEmpty();
        assertThat(r.get(1).gaps()).containsExactly("b samples have a gap of 1000 ms (at most 50 ms allowed)");
        assertThat(r.get(2).gaps()).isEmpty();
    }

    @Test
    void aGapLongerThanMaxSampleGapIsAGap() {
        // 100 Hz for 2 s with the samples from 510 to 550 ms missing: 500 to 560 ms, 60 ms.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 10) {
            if (ms <= 500 || ms >= 560) {
                s.add(positions(ms, List.of("a"), 0));
            }
        }
        assertThat(single(CLAUSE.withJoints("a").evaluate(s)).gaps())
                .containsExactly("a samples have a gap of 60 ms (at most 50 ms allowed)");
    }

    @Test
    void aRecordingShorterThanMinDurationIsAGap() {
        // 100 Hz from 0 to 500 ms: 500 ms of samples, half of minDuration.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 500; ms += 10) {
            s.add(positions(ms, List.of("a"), 0));
        }
        Reading a = single(CLAUSE.withJoints("a").evaluate(s));
        assertThat(a.valueSi()).hasValueCloseTo(-1.0, within(EPS));
        assertThat(a.gaps()).containsExactly("a samples cover only 500 ms (at least 1000 ms needed)");
    }

    @Test
    void aRobotThatDeclaresNoJointsIsAProblem() {
        ClauseEvidence e = CLAUSE.withJoints(new DeclaredJoint[0]).evaluate(sine());
        assertThat(e.readings(OVERRUN)).isEmpty();
        assertThat(e.problems()).containsExactly("robot profile robot.yaml declares no joints");
    }

    private static Reading single(ClauseEvidence e) {
        return FamilyFixture.single(e, OVERRUN);
    }
}
