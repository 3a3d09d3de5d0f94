package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.SignalFixture.at;
import static org.hcert.conformance.family.SignalFixture.battery;
import static org.hcert.conformance.family.SignalFixture.joints;
import static org.hcert.conformance.family.SignalFixture.surface;
import static org.hcert.conformance.family.SignalFixture.temperature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

class SignalBoundTest {

    private static final double EPS = 1e-9;
    private static final SignalFixture CLAUSE = SignalFixture.signalBound();

    private static List<Reading> readings(ClauseEvidence e, String limit) {
        return e.readings(limit);
    }

    // ---- actuator temperature, by frame_id ----

    /** Temperatures of a (rising 1 K per 100 ms from 30 degC) and b (at 40 degC) at 10 Hz for 2 s, with a foreign frame. */
    private static List<Sample> temperatures() {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 100) {
            s.add(temperature(ms, "a", 30 + ms / 100.0));
            s.add(temperature(ms, "b", 40));
            s.add(temperature(ms, "left_palm", 90));
        }
        return s;
    }

    @Test
    void findsEachActuatorsHighestTemperatureByItsFrame() {
        // a reaches 30 + 20 = 50 degC at 2000 ms; b stays at 40 degC; the frame left_palm is no joint and is not read.
        ClauseEvidence e = CLAUSE.limit(SignalBound.JOINT_TEMPERATURE, 80, Unit.DEGREE_CELSIUS, Comparison.AT_MOST)
                .with("maxSampleGap", 150, Unit.MILLISECOND).evaluate(temperatures());
        List<Reading> r = readings(e, SignalBound.JOINT_TEMPERATURE);
        assertThat(r).extracting(Reading::subject).containsExactly("a", "b");
        assertThat(r.get(0).valueSi()).hasValueCloseTo(50.0, within(EPS));
        assertThat(r.get(0).gaps()).isEmpty();
        assertThat(r.get(0).detail()).isEqualTo("a: largest 50 degC at %s, over 21 samples".formatted(TimeWindow.of(at(2000), at(2000))));
        assertThat(r.get(1).valueSi()).hasValueCloseTo(40.0, within(EPS));
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aNaNTemperatureIsAbsentAndAJointThatNeverReportsHasNoValue() {
        // a reports NaN at 1000 ms: its samples at 900 and 1100 ms are 200 ms apart, more than the 150 ms allowed.
        List<Sample> s = new ArrayList<>(temperatures().stream()
                .filter(x -> !(x.tNs() == at(1000) && ((org.hcert.telemetry.TemperatureSample) x).frameId().equals("a"))).toList());
        s.add(temperature(1000, "a", Double.NaN));
        ClauseEvidence e = CLAUSE.joints(new DeclaredJoint("a", -1, 1, 8), new DeclaredJoint("silent", -1, 1, 8))
                .limit(SignalBound.JOINT_TEMPERATURE, 80, Unit.DEGREE_CELSIUS, Comparison.AT_MOST)
                .with("maxSampleGap", 150, Unit.MILLISECOND).evaluate(FamilyFixture.sorted(s));
        List<Reading> r = readings(e, SignalBound.JOINT_TEMPERATURE);
        assertThat(r.get(0).valueSi()).hasValueCloseTo(50.0, within(EPS));
        assertThat(r.get(0).gaps()).containsExactly(
                "a's temperature samples have a gap of 200 ms ending at %s (at most 150 ms allowed)".formatted(TimeWindow.of(at(1100), at(1100))),
                "1 of a's messages carry no temperature (missing or NaN)");
        assertThat(r.get(1).subject()).isEqualTo("silent");
        assertThat(r.get(1).valueSi()).isEmpty();
        assertThat(r.get(1).gaps()).containsExactly("silent never reports a temperature");
    }

    @Test
    void anActuatorThatStopsReportingBeforeTheEndIsIncomplete() {
        // b's last sample is at 1000 ms; the run goes on to 2000 ms: 1000 ms without b at the end.
        List<Sample> s = temperatures().stream().filter(x -> !(x.tNs() > at(1000)
                && ((org.hcert.telemetry.TemperatureSample) x).frameId().equals("b"))).toList();
        Reading b = readings(CLAUSE.limit(SignalBound.JOINT_TEMPERATURE, 80, Unit.DEGREE_CELSIUS, Comparison.AT_MOST)
                .with("maxSampleGap", 150, Unit.MILLISECOND).evaluate(s), SignalBound.JOINT_TEMPERATURE).get(1);
        assertThat(b.valueSi()).hasValueCloseTo(40.0, within(EPS));
        assertThat(b.gaps()).containsExactly("b's temperature samples have a gap of 1000 ms at the end of the run (at most 150 ms allowed)");
    }

    // ---- joint velocity and effort, by name ----

    @Test
    void judgesEachJointByNameAcrossSplitMessagesAndReadsAMissingEffortAsAbsent() {
        // a alone at 100 Hz with velocity -3 rad/s at 500 ms (else 1) and effort -20 N·m at 700 ms (else 5);
        // b in messages of its own at 100 Hz with velocities but no efforts at all.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 1500; ms += 10) {
            s.add(joints(ms, List.of("a"), new double[] {ms == 500 ? -3 : 1}, new double[] {ms == 700 ? -20 : 5}));
            s.add(joints(ms + 5, List.of("b"), new double[] {0.5}, new double[0]));
        }
        ClauseEvidence e = CLAUSE.perSubject(SignalBound.JOINT_SPEED, Map.of("a", q(8, Unit.RADIAN_PER_SECOND), "b",
                        q(8, Unit.RADIAN_PER_SECOND)))
                .perSubject(SignalBound.JOINT_EFFORT, Map.of("a", q(50, Unit.NEWTON_METRE))).evaluate(s);
        List<Reading> speed = readings(e, SignalBound.JOINT_SPEED);
        assertThat(speed.get(0).valueSi()).hasValueCloseTo(3.0, within(EPS));
        assertThat(speed.get(1).valueSi()).hasValueCloseTo(0.5, within(EPS));
        assertThat(speed).allSatisfy(x -> assertThat(x.gaps()).isEmpty());
        List<Reading> effort = readings(e, SignalBound.JOINT_EFFORT);
        assertThat(effort.get(0).valueSi()).hasValueCloseTo(20.0, within(EPS));
        assertThat(effort.get(1).valueSi()).isEmpty();
        assertThat(effort.get(1).gaps()).containsExactly("b reports an effort in none of its 151 messages (the field is missing or NaN)");
    }

    private static Quantity q(double v, Unit u) {
        return new Quantity(v, u);
    }

    // ---- RMS effort over the declared window ----

    /** a's effort at 1 kHz: 3 N·m until 4 s, then 4 N·m to 10 s; b at 0. */
    private static List<Sample> steps(int fromMs, int toMs) {
        List<Sample> s = new ArrayList<>();
        for (int ms = fromMs; ms <= toMs; ms++) {
            s.add(joints(ms, List.of("a", "b"), new double[] {0, 0}, new double[] {ms < 4000 ? 3 : 4, 0}));
        }
        return s;
    }

    @Test
    void theRmsEffortIsTheLargestOverAnyWindowOfTheDeclaredLength() {
        // Windows of 5 s: the last, [5 s, 10 s], holds 4 N·m throughout: RMS 4. The first, [0, 5 s], has
        // 3 N·m for 4 s and 4 N·m for 1 s: sqrt((9·4 + 16·1)/5) = 3.2249; the largest is 4.
        ClauseEvidence e = CLAUSE.declared(SignalBound.EFFORT_WINDOW, 5, Unit.SECOND)
                .perSubject(SignalBound.JOINT_EFFORT_RMS, Map.of("a", q(3.5, Unit.NEWTON_METRE))).evaluate(steps(0, 10_000));
        Reading a = readings(e, SignalBound.JOINT_EFFORT_RMS).get(0);
        assertThat(a.valueSi()).hasValueCloseTo(4.0, within(1e-9));
        assertThat(a.bound()).isEqualTo(Bound.EXACT);
        // every window from [4 s, 9 s] on holds 4 N·m throughout; rounding picks one of them
        assertThat(a.window().endNs()).isBetween(at(9000), at(10_000));
    }

    @Test
    void theRmsOfASineOverWholePeriodsIsItsAmplitudeOverRootTwo() {
        // τ = 10 sin(2π t / 1 s) at 1 kHz; any 2 s window holds two periods: RMS 10/√2 = 7.0711 (the trapezoid
        // rule's error at 1000 samples a period is below 1e-4).
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 5000; ms++) {
            s.add(joints(ms, List.of("a"), new double[] {0}, new double[] {10 * Math.sin(2 * Math.PI * ms / 1000.0)}));
        }
        Reading a = readings(CLAUSE.declared(SignalBound.EFFORT_WINDOW, 2, Unit.SECOND)
                .perSubject(SignalBound.JOINT_EFFORT_RMS, Map.of()).evaluate(s), SignalBound.JOINT_EFFORT_RMS).get(0);
        assertThat(a.valueSi()).hasValueCloseTo(10 / Math.sqrt(2), within(1e-4));
    }

    @Test
    void aGapInsideAWindowMakesTheRmsALowerBoundAndAShortRunHasNone() {
        // 1 kHz from 0 to 10 s with nothing from 6 to 6.2 s: the windows across the gap count no effort for it.
        List<Sample> s = new ArrayList<>(steps(0, 6000));
        s.addAll(steps(6200, 10_000));
        Reading gap = readings(CLAUSE.declared(SignalBound.EFFORT_WINDOW, 5, Unit.SECOND)
                .perSubject(SignalBound.JOINT_EFFORT_RMS, Map.of()).evaluate(s), SignalBound.JOINT_EFFORT_RMS).get(0);
        assertThat(gap.bound()).isEqualTo(Bound.AT_LEAST);
        assertThat(gap.gaps()).containsExactly("a's efforts have gaps longer than 50 ms inside a window, counted as no effort");
        Reading shortRun = readings(CLAUSE.declared(SignalBound.EFFORT_WINDOW, 5, Unit.SECOND)
                .perSubject(SignalBound.JOINT_EFFORT_RMS, Map.of()).evaluate(steps(0, 3000)), SignalBound.JOINT_EFFORT_RMS).get(0);
        assertThat(shortRun.valueSi()).isEmpty();
        assertThat(shortRun.gaps()).containsExactly("a's efforts span only 3000 ms, less than one window of 5000 ms");
    }

    @Test
    void withoutADeclaredWindowTheRmsCannotBeMeasured() {
        ClauseEvidence e = CLAUSE.perSubject(SignalBound.JOINT_EFFORT_RMS, Map.of()).evaluate(steps(0, 2000));
        assertThat(e.readings(SignalBound.JOINT_EFFORT_RMS)).isEmpty();
        assertThat(e.problems()).containsExactly("robot profile robot.yaml declares no continuousEffortWindow (a time: the "
                + "window over which its continuous effort rating holds), so the RMS effort of limit jointEffortRms cannot be measured");
    }

    // ---- battery ----

    @Test
    void readsThePacksExtremesAndTheSignOfItsCurrent() {
        // 1 Hz for 5 s: voltage 50 - 0.5 t, current -4 - t (discharging), temperature 30 + t, NaN at 2 s.
        List<Sample> s = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            s.add(battery(t * 1000, 50 - 0.5 * t, -4 - t, t == 2 ? Double.NaN : 30 + t));
        }
        ClauseEvidence e = CLAUSE.with("maxSampleGap", 1.5, Unit.SECOND)
                .limit(SignalBound.BATTERY_TEMPERATURE_MAX, 60, Unit.DEGREE_CELSIUS, Comparison.AT_MOST)
                .limit(SignalBound.BATTERY_TEMPERATURE_MIN, 0, Unit.DEGREE_CELSIUS, Comparison.AT_LEAST)
                .limit(SignalBound.BATTERY_VOLTAGE_MIN, 40, Unit.VOLT, Comparison.AT_LEAST)
                .limit(SignalBound.BATTERY_CHARGE_CURRENT, 10, Unit.AMPERE, Comparison.AT_MOST)
                .limit(SignalBound.BATTERY_DISCHARGE_CURRENT, 80, Unit.AMPERE, Comparison.AT_MOST).evaluate(s);
        assertThat(single(e, SignalBound.BATTERY_TEMPERATURE_MAX).valueSi()).hasValueCloseTo(35.0, within(EPS));
        assertThat(single(e, SignalBound.BATTERY_TEMPERATURE_MIN).valueSi()).hasValueCloseTo(30.0, within(EPS));
        // the NaN at 2 s leaves 1 s to 3 s without a temperature: 2000 ms, more than 1500 ms
        assertThat(single(e, SignalBound.BATTERY_TEMPERATURE_MAX).gaps()).hasSize(2);
        assertThat(single(e, SignalBound.BATTERY_VOLTAGE_MIN).valueSi()).hasValueCloseTo(47.5, within(EPS));
        // discharging throughout: the largest charge current is -4 A, the largest discharge current 9 A
        assertThat(single(e, SignalBound.BATTERY_CHARGE_CURRENT).valueSi()).hasValueCloseTo(-4.0, within(EPS));
        assertThat(single(e, SignalBound.BATTERY_DISCHARGE_CURRENT).valueSi()).hasValueCloseTo(9.0, within(EPS));
        assertThat(single(e, SignalBound.BATTERY_CHARGE_CURRENT).subject()).isEqualTo("/battery");
    }

    private static Reading single(ClauseEvidence e, String limit) {
        return FamilyFixture.single(e, limit);
    }

    // ---- base speed: the whole linear twist ----

    @Test
    void theBaseSpeedIsTheNormOfAllThreeLinearComponents() {
        // (3, 4, 0) m/s is 5 m/s; a purely vertical (0, 0, 6) m/s counts too: 6 m/s.
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 1500; ms += 10) {
            Vector3 v = ms == 700 ? new Vector3(0, 0, 6) : ms == 300 ? new Vector3(3, 4, 0) : Vector3.ZERO;
            s.add(new OdometrySample(at(ms), SignalFixture.ODOM, Vector3.ZERO, Quaternion.IDENTITY, v, Vector3.ZERO));
        }
        Reading base = single(CLAUSE.limit(SignalBound.BASE_SPEED, 20, Unit.KILOMETRE_PER_HOUR, Comparison.AT_MOST).evaluate(s),
                SignalBound.BASE_SPEED);
        assertThat(base.subject()).isEqualTo("base");
        assertThat(base.valueSi()).hasValueCloseTo(6.0, within(EPS));
    }

    // ---- surfaces ----

    @Test
    void eachSurfaceIsJudgedByTheLimitOfHowItIsTouchedAndWhatItIsMadeOf() {
        assertThat(Surfaces.limitOf(surface("p", "held", "plastic"))).isEqualTo(SignalBound.HELD_SURFACE);
        assertThat(Surfaces.limitOf(surface("p", "held", "metal", 600))).isEqualTo(SignalBound.HELD_SURFACE_10_MIN);
        assertThat(Surfaces.limitOf(surface("p", "held", "metal", 60))).isEqualTo(SignalBound.HELD_SURFACE_1_MIN);
        assertThat(Surfaces.limitOf(surface("p", "held", "metal", 601))).isEqualTo(SignalBound.HELD_SURFACE);
        assertThat(Surfaces.limitOf(surface("c", "brief", "metal"))).isEqualTo(SignalBound.METAL_SURFACE);
        assertThat(Surfaces.limitOf(surface("c", "brief", "metal", 0.5))).isEqualTo(SignalBound.METAL_SURFACE_HALF_SECOND);
        assertThat(Surfaces.limitOf(surface("c", "brief", "plastic", 0.5))).isEqualTo(SignalBound.PLASTIC_SURFACE);
    }

    @Test
    void aClauseJudgesOnlyTheSurfacesOfItsKindAndNamesOneWhoseLimitItLacks() {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 2000; ms += 100) {
            s.add(temperature(ms, "palm", 41));
            s.add(temperature(ms, "grip", 47));
            s.add(temperature(ms, "cover", 60));
        }
        SignalFixture clause = CLAUSE.with("maxSampleGap", 150, Unit.MILLISECOND)
                .surfaces(surface("palm", "held", "plastic"), surface("grip", "held", "metal", 300), surface("cover", "brief", "metal"))
                .limit(SignalBound.HELD_SURFACE, 43, Unit.DEGREE_CELSIUS, Comparison.AT_MOST);
        ClauseEvidence e = clause.evaluate(s);
        assertThat(single(e, SignalBound.HELD_SURFACE).subject()).isEqualTo("palm");
        assertThat(e.problems()).containsExactly("surface grip (held, metal, contact up to 300 s) is judged against the limit "
                + "heldSurfaceTemperature10min, which clause TEST-01 does not give");
        ClauseEvidence both = clause.limit(SignalBound.HELD_SURFACE_10_MIN, 48, Unit.DEGREE_CELSIUS, Comparison.AT_MOST).evaluate(s);
        assertThat(both.problems()).isEmpty();
        assertThat(single(both, SignalBound.HELD_SURFACE_10_MIN).valueSi()).hasValueCloseTo(47.0, within(EPS));
        ClauseEvidence none = CLAUSE.surfaces(surface("cover", "brief", "metal"))
                .limit(SignalBound.HELD_SURFACE, 43, Unit.DEGREE_CELSIUS, Comparison.AT_MOST).evaluate(s);
        assertThat(none.readings(SignalBound.HELD_SURFACE)).isEmpty();
        assertThat(none.problems()).containsExactly("robot profile robot.yaml declares no held surface (surfaces: with kind: held), "
                + "so clause TEST-01 has nothing to judge");
    }

    @Test
    void aClauseWithoutALimitOfTheFamilyIsAProblem() {
        assertThat(CLAUSE.evaluate(List.of()).problems())
                .containsExactly("clause TEST-01 gives no limit of family signal-bound, so nothing is bounded");
    }
}
