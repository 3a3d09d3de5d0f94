package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.joints;
import static org.hcert.conformance.family.FamilyFixture.odom;
import static org.hcert.conformance.family.FamilyFixture.safety;
import static org.hcert.conformance.family.FamilyFixture.single;
import static org.hcert.conformance.family.FamilyFixture.sorted;
import static org.hcert.conformance.family.FamilyFixture.twist;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.Vector3;
import org.hcert.conformance.verdict.Reading;
import org.junit.jupiter.api.Test;

class CartesianSpeedTest {

    private static final Vector3 Z = new Vector3(0, 0, 1);
    private static final String REDUCED = "manual_reduced";

    /** A hand 0.5 m from joint a's vertical axis: it moves at 0.5 m × |ȧ| relative to the base. */
    private static final List<KinematicFrame> ONE_LINK = List.of(new KinematicFrame("hand", KinematicFrame.HAND, List.of(
            KinematicFrame.Link.revolute("a", Vector3.ZERO, Z), KinematicFrame.Link.fixed(new Vector3(0.5, 0, 0)))));

    /** Two links: a turns the whole arm, b the outer 0.3 m of it; and a point on the link of a, which is not a hand. */
    private static final List<KinematicFrame> TWO_LINKS = List.of(
            new KinematicFrame("hand", KinematicFrame.HAND, List.of(KinematicFrame.Link.revolute("a", Vector3.ZERO, Z),
                    KinematicFrame.Link.revolute("b", new Vector3(0.4, 0, 0), Z), KinematicFrame.Link.fixed(new Vector3(0.3, 0, 0)))),
            new KinematicFrame("elbow", KinematicFrame.POINT, List.of(KinematicFrame.Link.revolute("a", Vector3.ZERO, Z),
                    KinematicFrame.Link.fixed(new Vector3(0.4, 0, 0)))));

    /**
     * 0 to {@code endMs}: joints every 5 ms (a at 0 rad turning at {@code rate(t)}, b still), the base still
     * every 5 ms, the safety state every {@code stateMs} in the mode {@code mode(t)}.
     */
    private static List<Sample> timeline(double endMs, double stateMs, DoubleFunction<String> mode, DoubleUnaryOperator rate) {
        List<Sample> out = new ArrayList<>();
        for (double t = 0; t <= endMs; t += 5) {
            out.add(joints(t, 0, rate.applyAsDouble(t)));
            out.add(odom(t, 0, 0.9));
        }
        for (double t = 0; t <= endMs; t += stateMs) {
            out.add(safety(t, mode.apply(t), false, false, true));
        }
        return sorted(out);
    }

    private static String reducedBetween(double t, double fromMs, double toMs) {
        return t >= fromMs && t <= toMs ? REDUCED : "standing";
    }

    @Test
    void aHandWithinTheLimitOverTheWholeSpanIsACompleteReadingOfItsFastestSpeed() {
        // ȧ = 0.4 rad/s: the hand moves at 0.5 × 0.4 = 0.2 m/s throughout; the mode holds from the state at 100 ms to 800 ms.
        ClauseEvidence e = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK,
                timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> 0.4), at(1000));
        Reading r = single(e, CartesianSpeed.FRAME_SPEED);
        assertThat(r.subject()).isEqualTo("hand");
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(r.window().startNs()).isEqualTo(at(100));
        assertThat(r.window().endNs()).isEqualTo(at(800));
        assertThat(r.gaps()).isEmpty();
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aFastMoveOutsideTheModeIsNotJudgedAndOneInsideIsItsReading() {
        // 0.6 rad/s (0.3 m/s) before 100 ms and after 820 ms, in standing mode; 0.2 rad/s (0.1 m/s) in the span.
        ClauseEvidence e = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK,
                timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> t < 100 || t > 800 ? 0.6 : 0.2), at(1000));
        assertThat(single(e, CartesianSpeed.FRAME_SPEED).valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        ClauseEvidence fast = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK,
                timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> t > 400 && t < 500 ? 0.6 : 0.2), at(1000));
        Reading r = single(fast, CartesianSpeed.FRAME_SPEED);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.3, within(1e-12));
        assertThat(r.detail()).contains("fastest at 2026-03-01T08:00:00.405Z");
        // its plot: the hand's speed in the span only, its fastest sample the reading's value
        assertThat(r.traces()).singleElement().satisfies(t -> {
            assertThat(t.signal()).isEqualTo("speed of hand");
            assertThat(t.unit()).isEqualTo("m/s");
            assertThat(t.limitOn()).isEqualTo(org.hcert.conformance.verdict.Trace.LimitOn.VALUE);
            assertThat(t.points().stream().mapToDouble(org.hcert.conformance.verdict.Trace.Point::max).max().orElseThrow())
                    .isCloseTo(0.3, within(1e-12));
            assertThat(t.points().stream().mapToDouble(org.hcert.conformance.verdict.Trace.Point::min).min().orElseThrow())
                    .isCloseTo(0.1, within(1e-12));
            assertThat(t.points()).allSatisfy(p -> assertThat(p.tNs()).isBetween(r.window().startNs(), r.window().endNs() + 20_000_000L));
        });
    }

    @Test
    void everySpanOfTheModeIsJudged() {
        ClauseEvidence e = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK,
                timeline(1000, 20, t -> t >= 100 && t <= 300 || t >= 600 && t <= 800 ? REDUCED : "standing", t -> t > 500 ? 0.6 : 0.2),
                at(1000));
        assertThat(e.readings(CartesianSpeed.FRAME_SPEED)).hasSize(2);
        assertThat(e.readings(CartesianSpeed.FRAME_SPEED).get(0).valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(e.readings(CartesianSpeed.FRAME_SPEED).get(1).valueSi().getAsDouble()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void withoutTheModeThereIsNothingToJudge() {
        ClauseEvidence e = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, timeline(1000, 20, t -> "standing", t -> 0.4), at(1000));
        assertThat(e.readings(CartesianSpeed.FRAME_SPEED)).isEmpty();
        assertThat(e.problems()).containsExactly(
                "the safety state never shows mode manual_reduced, so no span of it could be judged (modes seen: standing)");
    }

    @Test
    void theBasesTwistIsAddedInTheWorldReference() {
        // The hand at (0.5, 0, 0) does not move on the base; the base moves at 0.1 m/s along x and turns at 0.2 rad/s
        // about z: v = (0.1, 0, 0) + (0, 0, 0.2) × (0.5, 0, 0) = (0.1, 0.1, 0), |v| = 0.1·√2.
        List<Sample> samples = new ArrayList<>();
        for (double t = 0; t <= 500; t += 5) {
            samples.add(joints(t, 0, 0));
            samples.add(twist(t, new Vector3(0.1, 0, 0), new Vector3(0, 0, 0.2)));
        }
        for (double t = 0; t <= 500; t += 20) {
            samples.add(safety(t, REDUCED, false, false, true));
        }
        ClauseEvidence world = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, sorted(samples), at(500));
        assertThat(single(world, CartesianSpeed.FRAME_SPEED).valueSi().getAsDouble()).isCloseTo(0.1 * Math.sqrt(2), within(1e-12));
        ClauseEvidence base = FamilyFixture.cartesianSpeed().withOption("reference", "base").evaluate(ONE_LINK, sorted(samples), at(500));
        assertThat(single(base, CartesianSpeed.FRAME_SPEED).valueSi().getAsDouble()).isCloseTo(0, within(1e-12));
    }

    @Test
    void aJointStateSplitOverTwoMessagesGivesTheSameSpeeds() {
        // Hand: ȧ = 0.5 rad/s and ḃ = 1 rad/s at a = b = 0: v = 0.5 × (0, 0.7) + 1 × (0, 0.3) → 0.65 m/s.
        List<Sample> together = new ArrayList<>();
        List<Sample> split = new ArrayList<>();
        for (double t = 0; t <= 500; t += 5) {
            together.add(joints(t, List.of("a", "b"), new double[] {0, 0}, new double[] {0.5, 1}));
            split.add(joints(t, List.of("b"), new double[] {0}, new double[] {1}));
            split.add(joints(t + 1e-6, List.of("a"), new double[] {0}, new double[] {0.5}));
            together.add(odom(t, 0, 0.9));
            split.add(odom(t, 0, 0.9));
        }
        for (double t = 0; t <= 500; t += 20) {
            together.add(safety(t, REDUCED, false, false, true));
            split.add(safety(t, REDUCED, false, false, true));
        }
        FamilyFixture all = FamilyFixture.cartesianSpeed().withOption("frames", "all");
        ClauseEvidence one = all.evaluate(TWO_LINKS, sorted(together), at(500));
        ClauseEvidence two = all.evaluate(TWO_LINKS, sorted(split), at(500));
        for (ClauseEvidence e : List.of(one, two)) {
            assertThat(e.readings(CartesianSpeed.FRAME_SPEED)).extracting(Reading::subject).containsExactly("hand", "elbow");
            assertThat(e.readings(CartesianSpeed.FRAME_SPEED).get(0).valueSi().getAsDouble()).isCloseTo(0.65, within(1e-12));
            assertThat(e.readings(CartesianSpeed.FRAME_SPEED).get(1).valueSi().getAsDouble()).isCloseTo(0.2, within(1e-12));
        }
        assertThat(two.readings(CartesianSpeed.FRAME_SPEED)).allSatisfy(r -> assertThat(r.gaps()).isEmpty());
        // Hands and tools only by default: the elbow point is left out.
        assertThat(FamilyFixture.cartesianSpeed().evaluate(TWO_LINKS, sorted(split), at(500)).readings(CartesianSpeed.FRAME_SPEED))
                .extracting(Reading::subject).containsExactly("hand");
    }

    @Test
    void aChainJointThatStopsReportingIsAGapInThatFramesEvidenceOnly() {
        List<Sample> samples = new ArrayList<>();
        for (double t = 0; t <= 1000; t += 5) {
            samples.add(t < 500 ? joints(t, List.of("a", "b"), new double[] {0, 0}, new double[] {0.2, 0})
                    : joints(t, List.of("a"), new double[] {0}, new double[] {0.2}));
            samples.add(odom(t, 0, 0.9));
        }
        for (double t = 0; t <= 1000; t += 20) {
            samples.add(safety(t, REDUCED, false, false, true));
        }
        ClauseEvidence e = FamilyFixture.cartesianSpeed().withOption("frames", "all").evaluate(TWO_LINKS, sorted(samples), at(1000));
        Reading hand = e.readings(CartesianSpeed.FRAME_SPEED).get(0);
        assertThat(hand.gaps()).anySatisfy(g -> assertThat(g).startsWith(
                "91 speed samples of hand are unknown (first: joint b has not reported for 55 ms at 2026-03-01T08:00:00.550Z)"));
        assertThat(hand.gaps()).contains("hand speed samples have a gap of 455 ms (at most 50 ms allowed)");
        Reading elbow = e.readings(CartesianSpeed.FRAME_SPEED).get(1);
        assertThat(elbow.gaps()).isEmpty();
    }

    @Test
    void aFrameWithoutVelocitiesHasNoKnownSpeed() {
        List<Sample> samples = new ArrayList<>();
        for (double t = 0; t <= 300; t += 5) {
            samples.add(FamilyFixture.positions(t, List.of("a", "b"), 0.001 * t, 0));
            samples.add(odom(t, 0, 0.9));
        }
        for (double t = 0; t <= 300; t += 20) {
            samples.add(safety(t, REDUCED, false, false, true));
        }
        Reading r = single(FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, sorted(samples), at(300)), CartesianSpeed.FRAME_SPEED);
        assertThat(r.valueSi()).isEmpty();
        assertThat(r.gaps().get(0)).isEqualTo("hand has no usable speed sample in the span "
                + "(joint a has no usable position or velocity at 2026-03-01T08:00:00.005Z)");
    }

    @Test
    void aModeSeenOnlyEveryTenthOfASecondLeavesAFasterMoveAroundItsEndUnjudgedButTheSpanIncomplete() {
        // In the mode from 100 to 800 ms; the hand speeds up to 0.3 m/s from 820 ms, after the mode ended. At 50 Hz the
        // end's bracket (800, 820] is 20 ms: not judged, nothing missing. At 10 Hz it is (800, 900]: the hand moved
        // faster there than in the span, and the mode there is unknown.
        DoubleUnaryOperator rate = t -> t >= 820 ? 0.6 : 0.2;
        ClauseEvidence fifty = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, timeline(1000, 20, t -> reducedBetween(t, 100, 800), rate), at(1000));
        Reading f = single(fifty, CartesianSpeed.FRAME_SPEED);
        assertThat(f.valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(f.gaps()).isEmpty();
        ClauseEvidence ten = FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, timeline(1000, 100, t -> reducedBetween(t, 100, 800), rate), at(1000));
        Reading r = single(ten, CartesianSpeed.FRAME_SPEED);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(r.gaps()).containsExactly("around the mode's end the safety states are 100 ms apart (more than maxModeUncertainty "
                + "20 ms), so the mode there is unknown, and hand moved faster there (0.3 m/s at 2026-03-01T08:00:00.820Z) than in the span");
    }

    @Test
    void aFasterMoveJustBeforeTheModeIsSeenInTheEntryBracket() {
        // States every 100 ms, the mode from the state at 500 ms; the hand moves at 0.3 m/s from 420 to 480 ms, before it:
        // the entry's bracket (400, 500] is wider than 20 ms, so that move is named. Outside the mode the speeds are
        // computed only once the next state shows the mode: the result is as if computed all along.
        DoubleUnaryOperator rate = t -> t >= 420 && t <= 480 ? 0.6 : 0.2;
        Reading r = single(FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, timeline(1000, 100, t -> reducedBetween(t, 500, 2000), rate),
                at(1000)), CartesianSpeed.FRAME_SPEED);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(r.gaps()).containsExactly("around the mode's entry the safety states are 100 ms apart (more than maxModeUncertainty "
                + "20 ms), so the mode there is unknown, and hand moved faster there (0.3 m/s at 2026-03-01T08:00:00.420Z) than in the span");
    }

    @Test
    void aLongStretchWithoutSafetyStatesBeforeTheModeKeepsItsFastestMove() {
        // One state at 0 ms, the next at 30 s already in the mode: 12,000 joint and odometry samples between them, more
        // than are put off before they are computed as they come (10,000). The fastest move of the bracket, 0.35 m/s at
        // 1 s (among the first samples, computed when the limit was reached), and the one at 29 s are both seen.
        DoubleUnaryOperator rate = t -> t >= 1000 && t <= 1100 ? 0.7 : t >= 29_000 && t <= 29_100 ? 0.6 : 0.2;
        List<Sample> samples = new ArrayList<>(timeline(31_000, 100_000, t -> "standing", rate));
        for (double t = 30_000; t <= 31_000; t += 100) {
            samples.add(safety(t, REDUCED, false, false, true));
        }
        Reading r = single(FamilyFixture.cartesianSpeed().evaluate(ONE_LINK, sorted(samples), at(31_000)), CartesianSpeed.FRAME_SPEED);
        assertThat(r.valueSi().getAsDouble()).isCloseTo(0.1, within(1e-12));
        assertThat(r.gaps()).containsExactly("around the mode's entry the safety states are 30000 ms apart (more than maxModeUncertainty "
                + "20 ms), so the mode there is unknown, and hand moved faster there (0.35 m/s at 2026-03-01T08:00:01Z) than in the span");
    }

    @Test
    void aDemandAboveTheSafeLimitOpensAWindowByTheRobotsEventOrByTheBreachItself() {
        FamilyFixture demand = FamilyFixture.overLimitDemand();
        // Limited to 0.2 m/s, with a speed_limited event: 50 mm/s below the declared limit, event logged.
        List<Sample> limited = new ArrayList<>(timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> 0.4));
        limited.add(event(300, "speed_limited"));
        ClauseEvidence e = demand.evaluate(ONE_LINK, sorted(limited), at(1000));
        assertThat(single(e, CartesianSpeed.OVER_SAFE_LIMIT).valueSi().getAsDouble()).isCloseTo(0.2 - 0.25, within(1e-12));
        assertThat(single(e, CartesianSpeed.EVENT_LOGGED).valueSi().getAsDouble()).isEqualTo(1);
        // Not limited: 0.3 m/s, no event: 50 mm/s beyond the limit, and nothing logged.
        ClauseEvidence breach = demand.evaluate(ONE_LINK, timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> 0.6), at(1000));
        assertThat(single(breach, CartesianSpeed.OVER_SAFE_LIMIT).valueSi().getAsDouble()).isCloseTo(0.05, within(1e-12));
        assertThat(single(breach, CartesianSpeed.EVENT_LOGGED).valueSi().getAsDouble()).isEqualTo(0);
        // Neither: no demand was made, so nothing could be judged.
        ClauseEvidence none = demand.evaluate(ONE_LINK, timeline(1000, 20, t -> reducedBetween(t, 100, 800), t -> 0.4), at(1000));
        assertThat(none.readings(CartesianSpeed.OVER_SAFE_LIMIT)).isEmpty();
        assertThat(none.problems()).containsExactly("no demand above the safe speed limit was seen in mode manual_reduced: no "
                + "speed_limited or protective_stop event and no frame faster than declared.safeSpeedLimit 250 mm/s; command a hand "
                + "faster than the limit in that mode");
    }

    @Test
    void aRobotWithoutKinematicsCannotBeJudged() {
        ClauseEvidence e = FamilyFixture.cartesianSpeed().evaluate(List.of(), timeline(500, 20, t -> REDUCED, t -> 0.4), at(500));
        assertThat(e.problems()).contains("robot profile robot.yaml declares no hand or tool frame in its kinematics section: "
                + "the Cartesian speed cannot be computed (add kinematics.frames with their joint chains)");
    }
}
