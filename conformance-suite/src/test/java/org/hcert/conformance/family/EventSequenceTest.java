package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.EventSequence.LAPSES;
import static org.hcert.conformance.family.EventSequence.UNPERMITTED;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.single;
import static org.hcert.conformance.family.FamilyFixture.sorted;
import static org.hcert.conformance.family.FamilyFixture.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class EventSequenceTest {

    /** SE-FS-03 as the standard profile gives it. */
    private static final FamilyFixture POWER_ON = FamilyFixture.powerOnSequence();
    /** SE-ESTOP-03 as the standard profile gives it. */
    private static final FamilyFixture LATCH = FamilyFixture.estopLatch();

    /** Safety states every {@code periodMs} from 0 to {@code endMs}, as {@code at(ms)} gives them, and {@code events}. */
    private static List<Sample> run(int endMs, int periodMs, IntFunction<SafetyStateSample> at, Sample... events) {
        List<Sample> s = new ArrayList<>(List.of(events));
        for (int ms = 0; ms <= endMs; ms += periodMs) {
            s.add(at.apply(ms));
        }
        return sorted(s);
    }

    /**
     * A power cycle: the bus cut at 500 ms and restored at 1000 ms (mode {@code unpowered} between),
     * drive power back at {@code driveOnMs}; 50 Hz safety state; the events given.
     */
    private static List<Sample> powerCycle(int driveOnMs, Sample... events) {
        return run(3000, 20, ms -> state(ms, ms >= 500 && ms < 1000 ? "unpowered" : "standing", false,
                ms < 500 || ms >= driveOnMs), events);
    }

    // ---- SE-FS-03: order and blocking ----

    @Test
    void aDriveEnableAfterAPassedSelfTestIsPermitted() {
        ClauseEvidence e = POWER_ON.evaluate(powerCycle(2000, event(500, "power_lost"), event(1000, "power_restored"),
                event(1000, "self_test_passed"), event(2000, "drive_enabled")));
        Reading r = single(e, UNPERMITTED);
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.bound()).isEqualTo(Bound.EXACT);
        assertThat(r.gaps()).isEmpty();
        // The window runs from the restore to the end of the telemetry (3 s, short of the 30 s observation).
        assertThat(r.window()).isEqualTo(TimeWindow.of(at(1000), at(3000)));
        assertThat(r.detail()).isEqualTo("opened by power_restored event %s; ended by end of the telemetry; drive_enabled event %s after the self_test_passed event %s"
                .formatted(TimeWindow.of(at(1000), at(1000)), TimeWindow.of(at(2000), at(2000)), TimeWindow.of(at(1000), at(1000))));
        // The failed self-test was never shown: the clause cannot pass on this recording alone.
        assertThat(e.problems()).containsExactly(
                "no self_test_failed came after power_restored in the telemetry: that it blocks drive_enabled was never shown");
    }

    @Test
    void aDriveEnableWithoutASelfTestIsNotPermitted() {
        ClauseEvidence e = POWER_ON.evaluate(powerCycle(2000, event(500, "power_lost"), event(1000, "power_restored"),
                event(2000, "drive_enabled")));
        Reading r = single(e, UNPERMITTED);
        assertThat(r.valueSi()).hasValue(1);
        assertThat(r.detail()).endsWith("; 1 drive_enabled not permitted, the first: drive_enabled event %s without a self_test_passed before it in the window"
                .formatted(TimeWindow.of(at(2000), at(2000))));
    }

    @Test
    void aSelfTestOneMillisecondAfterTheDriveEnableDoesNotPermitIt() {
        ClauseEvidence e = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(2000, "drive_enabled"),
                event(2001, "self_test_passed")));
        assertThat(single(e, UNPERMITTED).valueSi()).hasValue(1);
    }

    @Test
    void aSelfTestWithTheSameTimeStampLeavesTheOrderUnknown() {
        // Published after it, but with the same stamp: hcert cannot tell which came first.
        ClauseEvidence e = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(2000, "drive_enabled"),
                event(2000, "self_test_passed")));
        Reading r = single(e, UNPERMITTED);
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.gaps()).containsExactly(("the order of the drive_enabled event %s and the self_test_passed event %s cannot be told "
                + "(same time stamp, or inside a sampled bracket)").formatted(TimeWindow.of(at(2000), at(2000)), TimeWindow.of(at(2000), at(2000))));
    }

    @Test
    void aDriveEnableSeenOnlyInTheStateIsBracketedAndASelfTestInsideTheBracketLeavesTheOrderUnknown() {
        // No drive_enabled event; the 50 Hz state shows drive power back between 1980 and 2000 ms.
        ClauseEvidence before = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(1500, "self_test_passed")));
        assertThat(single(before, UNPERMITTED).valueSi()).hasValue(0);
        assertThat(single(before, UNPERMITTED).gaps()).isEmpty();
        assertThat(single(before, UNPERMITTED).detail()).contains("safety state drive_enabled rising, sampled between ");

        ClauseEvidence inside = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(1990, "self_test_passed")));
        assertThat(single(inside, UNPERMITTED).valueSi()).hasValue(0);
        assertThat(single(inside, UNPERMITTED).gaps()).singleElement().asString().startsWith("the order of the safety state drive_enabled rising");

        ClauseEvidence after = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(2010, "self_test_passed")));
        assertThat(single(after, UNPERMITTED).valueSi()).hasValue(1);
    }

    @Test
    void aSelfTestOfAnEarlierPowerCycleDoesNotPermitTheNextDriveEnable() {
        List<Sample> s = run(6000, 20, ms -> state(ms, (ms >= 500 && ms < 1000) || (ms >= 3000 && ms < 3500) ? "unpowered" : "standing",
                false, ms < 500 || (ms >= 2000 && ms < 3000) || ms >= 4500),
                event(500, "power_lost"), event(1000, "power_restored"), event(1000, "self_test_passed"), event(2000, "drive_enabled"),
                event(3000, "power_lost"), event(3500, "power_restored"), event(4500, "drive_enabled"));
        ClauseEvidence e = POWER_ON.evaluate(s);
        assertThat(e.readings(UNPERMITTED)).extracting(r -> r.valueSi().orElseThrow()).containsExactly(0.0, 1.0);
        assertThat(e.readings(UNPERMITTED).get(0).detail()).contains("ended by power_lost event");
    }

    @Test
    void aDriveEnableAfterAFailedSelfTestIsNotPermittedAndNoneIsTheBlockersProof() {
        ClauseEvidence blocked = POWER_ON.evaluate(powerCycle(99_999, event(1000, "power_restored"), event(1000, "self_test_failed")));
        Reading r = single(blocked, UNPERMITTED);
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.detail()).endsWith("; no drive_enabled in the window after the self_test_failed event " + TimeWindow.of(at(1000), at(1000)));
        assertThat(blocked.problems()).containsExactly(
                "no drive_enabled came after power_restored in the telemetry: that self_test_passed comes before it was never shown");

        ClauseEvidence moved = POWER_ON.evaluate(powerCycle(2000, event(1000, "power_restored"), event(1000, "self_test_failed"),
                event(2000, "drive_enabled")));
        assertThat(single(moved, UNPERMITTED).valueSi()).hasValue(1);
        assertThat(single(moved, UNPERMITTED).detail()).endsWith("the first: drive_enabled event %s after the self_test_failed event %s"
                .formatted(TimeWindow.of(at(2000), at(2000)), TimeWindow.of(at(1000), at(1000))));
    }

    @Test
    void bothPartsShownAndKeptPassWithoutProblems() {
        List<Sample> s = run(6000, 20, ms -> state(ms, (ms >= 500 && ms < 1000) || (ms >= 3000 && ms < 3500) ? "unpowered" : "standing",
                false, ms < 500 || ms >= 4500),
                event(500, "power_lost"), event(1000, "power_restored"), event(1000, "self_test_failed"),
                event(3000, "power_lost"), event(3500, "power_restored"), event(3500, "self_test_passed"), event(4500, "drive_enabled"));
        ClauseEvidence e = POWER_ON.evaluate(s);
        assertThat(e.readings(UNPERMITTED)).extracting(r -> r.valueSi().orElseThrow()).containsExactly(0.0, 0.0);
        assertThat(e.readings(UNPERMITTED)).allSatisfy(r -> assertThat(r.gaps()).isEmpty());
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aPowerRestoreSeenOnlyInATenHertzStateIsBracketedAndTooWideABracketIsAGap() {
        // No power events; the mode leaves "unpowered" between the 10 Hz samples at 900 and 1000 ms.
        List<Sample> s = run(3000, 100, ms -> state(ms, ms >= 500 && ms < 1000 ? "unpowered" : "standing", false, ms < 500 || ms >= 2000),
                event(950, "self_test_passed"), event(2000, "drive_enabled"));
        ClauseEvidence e = POWER_ON.evaluate(s);
        Reading r = single(e, UNPERMITTED);
        // The window opens at the earliest instant, 900 ms, so the self-test at 950 ms counts in it.
        assertThat(r.window().startNs()).isEqualTo(at(900));
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.gaps()).containsExactly("the power_restored was seen only through the sampled safety state, between %s and %s (100 ms), more than maxTriggerUncertainty 20 ms"
                .formatted(TimeWindow.of(at(900), at(900)), TimeWindow.of(at(1000), at(1000))));
    }

    @Test
    void withoutAnOpeningEventTheClauseHasNoEvidence() {
        ClauseEvidence e = POWER_ON.evaluate(run(3000, 20, ms -> state(ms, "standing", false, true), event(2000, "drive_enabled")));
        assertThat(e.readings(UNPERMITTED)).isEmpty();
        assertThat(e.problems()).containsExactly(
                "no power_restored in the telemetry (looked for power_restored events and the safety state's mode leaving unpowered)");
    }

    // ---- SE-ESTOP-03: the latch ----

    /** E-stop pressed at 500 ms, released at 1000 ms, reset at {@code resetMs}; the state's e-stop flag as {@code estop(ms)}; drive off from 800 ms. */
    private static List<Sample> latch(int resetMs, IntFunction<Boolean> estop, Sample... more) {
        List<Sample> events = new ArrayList<>(List.of(event(500, "estop_pressed"), event(1000, "estop_released")));
        if (resetMs > 0) {
            events.add(event(resetMs, "estop_reset"));
        }
        events.addAll(List.of(more));
        return run(4000, 20, ms -> state(ms, ms < 800 ? "standing" : "stopped", estop.apply(ms), ms < 800), events.toArray(Sample[]::new));
    }

    @Test
    void aLatchThatHoldsFromTheReleaseToTheResetHasNoLapse() {
        ClauseEvidence e = LATCH.evaluate(latch(2500, ms -> ms >= 500 && ms < 2500));
        Reading lapses = single(e, LAPSES);
        // Samples at 1000, 1020 … 2480 ms: 75 of them; the one at 2500 ms comes after the reset event.
        assertThat(lapses.valueSi()).hasValue(0);
        assertThat(lapses.gaps()).isEmpty();
        assertThat(lapses.window()).isEqualTo(TimeWindow.of(at(1000), at(2500)));
        assertThat(lapses.detail()).endsWith("; ended by estop_reset event; 75 safety-state sample(s), every one showing estop (e-stop asserted)");
        assertThat(single(e, UNPERMITTED).valueSi()).hasValue(0);
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void anEstopThatFallsAtItsReleaseLapsesEvenWithoutAResetEvent() {
        // The state's e-stop falls at the release and no reset event comes: the fall is a lapse, not a reset.
        ClauseEvidence e = LATCH.evaluate(latch(-1, ms -> ms >= 500 && ms < 1000));
        Reading lapses = single(e, LAPSES);
        assertThat(lapses.valueSi()).hasValue(151);
        assertThat(lapses.detail()).contains("the state lapsed at %s: e-stop released, protective stop released, drive off, mode stopped"
                .formatted(TimeWindow.of(at(1000), at(1000))));
    }

    @Test
    void anEstopReleasedAndPressedAgainBeforeTheResetIsJudgedInEveryWindow() {
        // Released at 1000 ms, pressed again at 1500, released at 2000, reset at 3000; the state falls after
        // each release (a robot that does not latch) and rises with the press.
        ClauseEvidence e = LATCH.evaluate(latch(3000, ms -> (ms >= 500 && ms < 1000) || (ms >= 1500 && ms < 2000),
                event(1500, "estop_pressed"), event(2000, "estop_released")));
        assertThat(e.readings(LAPSES)).extracting(r -> r.valueSi().orElseThrow()).containsExactly(25.0, 50.0);
        assertThat(e.readings(LAPSES).get(0).detail()).contains("ended by the next estop_released");
    }

    @Test
    void aStateSampleAtTheInstantOfTheResetIsNoLapse() {
        List<Sample> s = new ArrayList<>(latch(-1, ms -> ms >= 500 && ms < 2500));
        // Published after the 2500 ms state (which shows the e-stop released), at the same instant.
        int after = (int) s.stream().filter(x -> x.tNs() <= at(2500)).count();
        s.add(after, event(2500, "estop_reset"));
        ClauseEvidence e = LATCH.evaluate(s);
        assertThat(single(e, LAPSES).valueSi()).hasValue(0);
    }

    @Test
    void aDriveEnableBetweenTheReleaseAndTheResetIsNotPermitted() {
        ClauseEvidence e = LATCH.evaluate(latch(2500, ms -> ms >= 500 && ms < 2500, event(1800, "drive_enabled")));
        Reading r = single(e, UNPERMITTED);
        assertThat(r.valueSi()).hasValue(1);
        assertThat(r.detail()).endsWith("the first: drive_enabled event %s, which the rule does not permit before estop_reset"
                .formatted(TimeWindow.of(at(1800), at(1800))));
    }

    @Test
    void aResetRightAfterTheReleaseLeavesNothingToJudgeButTheClauseNeedsALongerWindow() {
        ClauseEvidence e = LATCH.evaluate(latch(1005, ms -> ms >= 500 && ms < 1005));
        assertThat(e.readings(LAPSES)).isEmpty();
        assertThat(e.problems()).containsExactly("no estop_released was watched for 1000 ms");
    }

    @Test
    void sparseSafetyStatesAreAGapAndNoneAtAllIsNoValue() {
        List<Sample> sparse = run(4000, 200, ms -> state(ms, "stopped", ms >= 500 && ms < 2500, false),
                event(1000, "estop_released"), event(2500, "estop_reset"));
        Reading r = single(LATCH.evaluate(sparse), LAPSES);
        assertThat(r.valueSi()).hasValue(0);
        assertThat(r.gaps()).containsExactly("the safety state's samples have a gap of 200 ms (at most 50 ms allowed)");

        Reading none = single(LATCH.evaluate(List.of(event(1000, "estop_released"), event(2500, "estop_reset"))), LAPSES);
        assertThat(none.valueSi()).isEmpty();
        assertThat(none.gaps()).containsExactly("no safety-state sample in the window: whether the state held (estop (e-stop asserted)) is unknown");
    }

    @Test
    void withoutReleaseEventsTheLatchCannotBeJudged() {
        ClauseEvidence e = LATCH.evaluate(run(4000, 20, ms -> state(ms, "stopped", ms >= 500 && ms < 2500, false),
                event(500, "estop_pressed"), event(2500, "estop_reset")));
        assertThat(e.readings(LAPSES)).isEmpty();
        assertThat(e.problems()).containsExactly("no estop_released in the telemetry (looked for estop_released events)");
    }

    @Test
    void aClauseThatJudgesWhatItsOptionsDoNotNameIsAProblem() {
        FamilyFixture bare = LATCH.withOption("then", "none").withOption("holds", "none");
        ClauseEvidence e = bare.evaluate(latch(2500, ms -> ms >= 500 && ms < 2500));
        assertThat(e.problems()).containsExactly(
                "clause SE-ESTOP-03 judges unpermittedEvents but names no guarded event (option then is none)",
                "clause SE-ESTOP-03 judges stateLapses but names no state to hold (option holds is none)");
    }

    @Test
    void theLiveActionDependsOnTheOpeningEvent() {
        assertThat(LATCH.setup().family().liveAction(LATCH.setup()).observe()).hasMillis(1700);
        FamilyFixture other = POWER_ON.withOption("opens", "fall_detected").with("observationWindow", 4, Unit.SECOND);
        assertThat(other.setup().family().liveAction(other.setup()).observe()).hasSeconds(4);
    }
}
