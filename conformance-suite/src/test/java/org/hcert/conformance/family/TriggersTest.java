package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.safety;

import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.family.Triggers.Kind;
import org.hcert.conformance.family.Triggers.Trigger;
import org.hcert.conformance.family.Triggers.WindowEnds.End;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriggersTest {

    private static List<Trigger> triggers(Kind kind, Sample... samples) {
        Triggers t = new Triggers(kind);
        List<Trigger> out = new ArrayList<>();
        for (Sample s : samples) {
            t.onSample(s).ifPresent(out::add);
        }
        return out;
    }

    private static List<End> ends(Sample... samples) {
        Triggers.WindowEnds ends = new Triggers.WindowEnds();
        List<End> out = new ArrayList<>();
        for (Sample s : samples) {
            out.add(ends.onSample(s));
        }
        return out;
    }

    /** A safety state with only the named input ({@code estop} or {@code protective-stop}) at {@code asserted}. */
    private static SafetyStateSample input(String kind, double ms, boolean asserted) {
        return safety(ms, "auto", kind.equals("estop") && asserted, kind.equals("protective-stop") && asserted, !asserted);
    }

    private static String eventOf(String kind) {
        return kind.equals("estop") ? EventSample.ESTOP_PRESSED : Triggers.PROTECTIVE_STOP;
    }

    @Test
    void anEventGivesTheInstantExactly() {
        List<Trigger> t = triggers(Kind.ESTOP, event(1000, EventSample.ESTOP_PRESSED));
        assertThat(t).containsExactly(new Trigger(at(1000), at(1000), "estop_pressed event"));
        assertThat(t.get(0).uncertaintyNs()).isZero();
    }

    @Test
    void aTriggerSeenOnlyInTheSampledStateLiesBetweenTheLastSampleWithoutAndTheFirstWith() {
        // 10 Hz: the input is off at 900 ms and on at 1000 ms, so it asserted in [900, 1000] ms.
        List<Trigger> t = triggers(Kind.ESTOP, safety(900, false, true), safety(1000, true, false));
        assertThat(t).containsExactly(new Trigger(at(900), at(1000), "safety state e-stop input, sampled"));
        assertThat(t.get(0).uncertaintyNs()).isEqualTo(100_000_000L);
    }

    @Test
    void anInputAssertedInTheFirstStateSeenIsNoTriggerUntilReleasedAndAssertedAgain() {
        List<Trigger> t = triggers(Kind.ESTOP, safety(0, true, false), safety(100, true, false), safety(200, false, true),
                safety(300, true, false));
        assertThat(t).containsExactly(new Trigger(at(200), at(300), "safety state e-stop input, sampled"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"estop", "protective-stop"})
    void anEventAndTheStateThatFollowsItAreOneTrigger(String kind) {
        // The 50 Hz state lags the event: it still shows the input off at 1000 and 1020 ms, on from 1040 ms.
        List<Trigger> t = triggers(Kind.of(kind), input(kind, 980, false), event(1000, eventOf(kind)),
                input(kind, 1000, false), input(kind, 1020, false), input(kind, 1040, true), input(kind, 1060, true));
        assertThat(t).containsExactly(new Trigger(at(1000), at(1000), eventOf(kind) + " event"));
    }

    @Test
    void anEmergencyStopCountsOnceUntilItIsReset() {
        List<Trigger> t = triggers(Kind.ESTOP, event(1000, EventSample.ESTOP_PRESSED), event(1500, EventSample.ESTOP_PRESSED),
                event(2000, EventSample.ESTOP_RESET), event(3000, EventSample.ESTOP_PRESSED));
        assertThat(t).extracting(Trigger::earliestNs).containsExactly(at(1000), at(3000));
    }

    @Test
    void aReleasedInputInTheStateAllowsTheNextTrigger() {
        List<Trigger> t = triggers(Kind.ESTOP, safety(900, false, true), safety(1000, true, false), safety(1100, true, false),
                safety(2000, false, true), safety(2100, true, false));
        assertThat(t).containsExactly(new Trigger(at(900), at(1000), "safety state e-stop input, sampled"),
                new Trigger(at(2000), at(2100), "safety state e-stop input, sampled"));
    }

    @Test
    void aProtectiveStopReleasedByItsEventCanTriggerAgain() {
        // Events only (the safety state is an optional role): asserted, released, asserted again.
        List<Trigger> t = triggers(Kind.PROTECTIVE_STOP, event(1000, Triggers.PROTECTIVE_STOP),
                event(2000, Triggers.PROTECTIVE_RELEASED), event(3000, Triggers.PROTECTIVE_STOP));
        assertThat(t).extracting(Trigger::earliestNs).containsExactly(at(1000), at(3000));
    }

    @Test
    void eachKindTakesOnlyItsInputs() {
        Sample[] s = {event(1000, EventSample.ESTOP_PRESSED), event(1100, Triggers.PROTECTIVE_STOP),
            event(1200, Triggers.STOP_REQUESTED), event(1300, Triggers.STOP_REQUESTED), event(1400, EventSample.FALL_DETECTED)};
        assertThat(triggers(Kind.ESTOP, s)).extracting(Trigger::earliestNs).containsExactly(at(1000));
        assertThat(triggers(Kind.PROTECTIVE_STOP, s)).extracting(Trigger::earliestNs).containsExactly(at(1100));
        // A normal stop has no latch: every request is a stop.
        assertThat(triggers(Kind.NORMAL_STOP, s)).extracting(Trigger::earliestNs).containsExactly(at(1200), at(1300));
        assertThat(triggers(Kind.ANY_STOP, s)).extracting(Trigger::earliestNs).containsExactly(at(1000), at(1100));
        assertThat(triggers(Kind.EVERY, s)).extracting(Trigger::earliestNs)
                .containsExactly(at(1000), at(1100), at(1200), at(1300));
    }

    @Test
    void kindsAreNamedByTheirProfileKeys() {
        assertThat(Kind.keys()).containsExactly("estop", "protective-stop", "normal-stop", "any-stop", "safety-fault", "power-loss");
        assertThat(Kind.of("any-stop")).isEqualTo(Kind.ANY_STOP);
        assertThatThrownBy(() -> Kind.of("e-stop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no trigger kind e-stop");
    }

    @Test
    void theStateThatFollowsAStopEventDoesNotEndItsWindow() {
        assertThat(ends(safety(980, false, true), event(1000, EventSample.ESTOP_PRESSED), safety(1000, true, false),
                safety(1020, true, false))).containsExactly(End.NONE, End.STOP, End.NONE, End.NONE);
    }

    @Test
    void resetsReleasesAndStartsEndWindowsAndOtherEventsDoNot() {
        assertThat(ends(event(1000, EventSample.ESTOP_RESET), event(2000, Triggers.PROTECTIVE_RELEASED),
                event(3000, Triggers.START), event(4000, EventSample.FALL_DETECTED)))
                .containsExactly(End.RESET, End.RESET, End.START, End.NONE);
    }

    @Test
    void theSampledInputFallingEndsWindows() {
        assertThat(ends(safety(0, false, true), safety(100, true, false), safety(200, true, false), safety(300, false, true)))
                .containsExactly(End.NONE, End.STOP, End.NONE, End.RESET);
    }

    @Test
    void aSampledInputReleasedAtTheNextSampleEndsWindows() {
        // A short press, seen in one 10 Hz sample only: on at 100 ms, off again at 200 ms.
        assertThat(ends(safety(0, false, true), safety(100, true, false), safety(200, false, true)))
                .containsExactly(End.NONE, End.STOP, End.RESET);
    }

    // ---- safety faults and power loss ----

    @Test
    void aSafetyFaultIsEachFaultEventAndNoOtherKindTakesIt() {
        EventSample fault = new EventSample(at(1000), "/events", "fault", "encoder dropout");
        assertThat(triggers(Kind.SAFETY_FAULT, fault, event(2000, "fault")))
                .containsExactly(new Trigger(at(1000), at(1000), "fault event (encoder dropout)"), new Trigger(at(2000), at(2000), "fault event"));
        // A fault logged during another stop does not end that stop's window.
        assertThat(ends(fault)).containsExactly(End.NONE);
        assertThat(triggers(Kind.ANY_STOP, fault)).isEmpty();
    }

    @Test
    void aPowerLossIsItsEventOrTheModeBecomingUnpoweredOnceUntilPowerComesBack() {
        assertThat(triggers(Kind.POWER_LOSS, event(1000, "power_lost"), safety(1020, "unpowered", false, false, false),
                event(2000, "power_restored"), safety(2020, "stopped", false, false, false), event(3000, "power_lost")))
                .extracting(Trigger::description).containsExactly("power_lost event", "power_lost event");
        // 10 Hz state only: the mode is standing at 900 ms and unpowered at 1000 ms.
        assertThat(triggers(Kind.POWER_LOSS, safety(900, "standing", false, false, true), safety(1000, "unpowered", false, false, false),
                safety(1100, "unpowered", false, false, false)))
                .containsExactly(new Trigger(at(900), at(1000), "safety state mode unpowered, sampled"));
        // A recording that begins unpowered has no known instant of the loss.
        assertThat(triggers(Kind.POWER_LOSS, safety(0, "unpowered", false, false, false))).isEmpty();
    }

    @Test
    void aPowerLossEndsOtherWindowsAsAStop() {
        assertThat(ends(event(1000, "power_lost"), event(2000, "power_restored"))).containsExactly(End.STOP, End.NONE);
        assertThat(triggers(Kind.ESTOP, event(1000, "power_lost"))).isEmpty();
    }
}
