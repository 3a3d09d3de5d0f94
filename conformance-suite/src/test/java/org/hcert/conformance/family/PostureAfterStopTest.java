package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hcert.conformance.family.FamilyFixture.at;
import static org.hcert.conformance.family.FamilyFixture.event;
import static org.hcert.conformance.family.FamilyFixture.imu;
import static org.hcert.conformance.family.FamilyFixture.odom;
import static org.hcert.conformance.family.FamilyFixture.safety;
import static org.hcert.conformance.family.FamilyFixture.single;
import static org.hcert.conformance.family.FamilyFixture.sorted;
import static org.hcert.conformance.family.PostureAfterStop.PELVIS_HEIGHT;
import static org.hcert.conformance.family.PostureAfterStop.TRUNK_TILT;

import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.verdict.Bound;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class PostureAfterStopTest {

    /** SE-BAL-01 as the standard profile gives it: any stop, walking from 0.2 m/s, 3 s window. */
    private static final FamilyFixture CLAUSE = FamilyFixture.postureAfterStop();

    /**
     * Walking at {@code speed} until an e-stop event at 1000 ms; then the trunk
     * pitches linearly to {@code finalDeg} in 500 ms and the pelvis sinks from 0.9 m by 0.7 m·finalDeg/90°.
     * IMU and odometry at 200 Hz to 4000 ms.
     */
    private static List<Sample> stopAt(double speed, double finalDeg) {
        List<Sample> s = new ArrayList<>();
        for (int ms = 0; ms <= 4000; ms += 5) {
            if (ms == 1000) {
                s.add(event(ms, EventSample.ESTOP_PRESSED));
            }
            double f = Math.min(1, Math.max(0, (ms - 1000) / 500.0));
            s.add(imu(ms, Math.toRadians(finalDeg) * f));
            s.add(odom(ms, ms < 1000 ? speed : 0, 0.9 - 0.7 * f * finalDeg / 90));
        }
        return s;
    }

    // ---- ported from BalanceMetricTest ----

    @Test
    void measuresMaximumTiltAndMinimumHeightAfterAStopWhileWalking() {
        // The trunk reaches 80° at 1500 ms and stays; the pelvis sinks to 0.9 - 0.7·80/90 = 0.27778 m,
        // 0.30864 of the declared 0.9 m. Walking at 0.5 m/s at the stop (its last odometry, 995 ms).
        ClauseEvidence e = CLAUSE.evaluate(stopAt(0.5, 80));
        String seen = "trigger: estop_pressed event at 0.5 m/s; window ended by end of observation";
        Reading tilt = single(e, TRUNK_TILT);
        assertThat(tilt.subject()).isEqualTo("trunk");
        assertThat(tilt.valueSi()).hasValueCloseTo(Math.toRadians(80), within(1e-9));
        assertThat(tilt.window()).isEqualTo(TimeWindow.of(at(1000), at(4000)));
        assertThat(tilt.gaps()).isEmpty();
        assertThat(tilt.detail()).isEqualTo(seen + "; max tilt at " + TimeWindow.of(at(1500), at(1500)));
        Reading pelvis = single(e, PELVIS_HEIGHT);
        assertThat(pelvis.subject()).isEqualTo("pelvis");
        assertThat(pelvis.valueSi()).hasValueCloseTo((0.9 - 0.7 * 80 / 90) / 0.9, within(1e-12));
        assertThat(pelvis.bound()).isEqualTo(Bound.EXACT);
        assertThat(pelvis.gaps()).isEmpty();
        assertThat(pelvis.detail()).isEqualTo(seen + "; lowest pelvis height 0.277778 m of nominal 0.9 m at "
                + TimeWindow.of(at(1500), at(1500)));
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void ignoresStopsWhileStandingStill() {
        // 0.05 m/s is below walkingSpeed (0.2 m/s) and no safety state says walking: nothing to judge.
        ClauseEvidence e = CLAUSE.evaluate(stopAt(0.05, 10));
        assertThat(e.readings()).isEmpty();
        assertThat(e.problems()).containsExactly("no emergency or protective stop asserted while the robot walked "
                + "(base speed ≥ 0.2 m/s or mode walking); 1 asserted while it did not");
    }

    @Test
    void aFallEventNeitherOpensNorEndsAWindow() {
        // The old metric noted a fall event; the family judges the posture itself, so the event changes nothing.
        List<Sample> s = new ArrayList<>(stopAt(0.5, 80));
        s.add(event(1400, EventSample.FALL_DETECTED));
        assertThat(CLAUSE.evaluate(sorted(s))).isEqualTo(CLAUSE.evaluate(stopAt(0.5, 80)));
    }

    @Test
    void cutsTheWindowShortWhenTheRecordingEnds() {
        // The telemetry ends with the 1100 ms samples: 100 ms of the 3 s window.
        List<Sample> s = stopAt(0.5, 0).subList(0, 2 * 201 + 1 + 40);
        ClauseEvidence e = CLAUSE.evaluate(s);
        String cut = "the telemetry ends 100 ms after the stop; the clause watches 3000 ms";
        Reading tilt = single(e, TRUNK_TILT);
        assertThat(tilt.window()).isEqualTo(TimeWindow.of(at(1000), at(1100)));
        assertThat(tilt.gaps()).containsExactly(cut);
        assertThat(tilt.detail()).startsWith("trigger: estop_pressed event at 0.5 m/s; window ended by end of the telemetry;");
        assertThat(single(e, PELVIS_HEIGHT).gaps()).containsExactly(cut);
    }

    // ---- what the redesign is meant to get right ----

    @Test
    void aSafetyStateInWalkingModeCountsAsWalkingThoughSlow() {
        // At 0.05 m/s, but the 50 Hz safety state says mode walking: judged. The state follows the event.
        List<Sample> s = new ArrayList<>(stopAt(0.05, 10));
        for (int ms = 0; ms <= 4000; ms += 20) {
            s.add(safety(ms, "walking", ms >= 1000, false, ms < 1000));
        }
        ClauseEvidence e = CLAUSE.evaluate(sorted(s));
        Reading tilt = single(e, TRUNK_TILT);
        assertThat(tilt.valueSi()).hasValueCloseTo(Math.toRadians(10), within(1e-9));
        assertThat(tilt.detail()).startsWith("trigger: estop_pressed event at 0.05 m/s, mode walking; window ended by end of observation;");
    }

    @Test
    void aTriggerSeenOnlyInThe10HzStateIsAGap() {
        // No event; the 10 Hz state, logged first at each instant, shows the e-stop input off at 900 ms
        // and on at 1000 ms: a 100 ms bracket, more than maxTriggerUncertainty. The window runs from
        // 900 ms for 3 s.
        List<Sample> s = new ArrayList<>();
        for (Sample x : stopAt(0.5, 80)) {
            if (x instanceof EventSample) {
                continue;
            }
            long ms = (x.tNs() - FamilyFixture.T0) / 1_000_000;
            if (ms % 100 == 0 && x instanceof ImuSample) {
                s.add(safety(ms, ms >= 1000, ms < 1000));
            }
            s.add(x);
        }
        ClauseEvidence e = CLAUSE.evaluate(s);
        String bracket = "the trigger was seen only through the sampled safety state (100 ms between samples), more than 20 ms";
        Reading tilt = single(e, TRUNK_TILT);
        assertThat(tilt.window()).isEqualTo(TimeWindow.of(at(900), at(3900)));
        assertThat(tilt.valueSi()).hasValueCloseTo(Math.toRadians(80), within(1e-9));
        assertThat(tilt.gaps()).containsExactly(bracket);
        assertThat(single(e, PELVIS_HEIGHT).gaps()).containsExactly(bracket);
    }

    @Test
    void aStopRequestedAtTheInstantTheStateShowsTheProtectiveStopIsTheSameStop() {
        // The 100 Hz state shows the protective-stop input at 1000 ms, and at that same instant the robot
        // logs stop_requested: one stop, whose window runs its full 3 s (the bench's HB-40 does this).
        List<Sample> s = new ArrayList<>();
        for (Sample x : stopAt(0.5, 10)) {
            if (x instanceof EventSample) {
                continue;
            }
            long ms = (x.tNs() - FamilyFixture.T0) / 1_000_000;
            if (ms % 10 == 0 && x instanceof ImuSample) {
                s.add(safety(ms, "walking", false, ms >= 1000, true));
                if (ms == 1000) {
                    s.add(event(ms, "stop_requested"));
                }
            }
            s.add(x);
        }
        ClauseEvidence e = CLAUSE.evaluate(s);
        Reading tilt = single(e, TRUNK_TILT);
        assertThat(e.readings(TRUNK_TILT)).hasSize(1);
        assertThat(tilt.window()).isEqualTo(TimeWindow.of(at(990), at(3990)));
        assertThat(tilt.gaps()).isEmpty();
        assertThat(tilt.valueSi()).hasValueCloseTo(Math.toRadians(10), within(1e-9));
    }

    @Test
    void aStopOneMillisecondAfterTheTriggerEndsItsWindow() {
        // A second stop 1 ms after the first still ends the first's window: windows never overlap a later stop.
        List<Sample> s = new ArrayList<>(stopAt(0.5, 10));
        s.add(event(1001, "stop_requested"));
        Reading tilt = single(CLAUSE.evaluate(sorted(s)), TRUNK_TILT);
        assertThat(tilt.window()).isEqualTo(TimeWindow.of(at(1000), at(1001)));
    }

    @Test
    void aRobotWithoutADeclaredNominalPelvisHeightIsAProblem() {
        ClauseEvidence e = CLAUSE.withoutDeclared("nominalPelvisHeight").evaluate(stopAt(0.5, 80));
        assertThat(single(e, PELVIS_HEIGHT).valueSi()).isEmpty();
        assertThat(single(e, TRUNK_TILT).valueSi()).hasValueCloseTo(Math.toRadians(80), within(1e-9));
        assertThat(e.problems()).containsExactly(
                "robot profile robot.yaml declares no nominalPelvisHeight (a length): the pelvis height cannot be judged");
    }

    // ---- a power loss while standing (SE-BAL-02) ----

    /** Standing (base at {@code speed}) until a power_lost event at 1000 ms; then {@link #stopAt}'s fall to {@code finalDeg}. */
    private static List<Sample> powerLossAt(double speed, double finalDeg) {
        return stopAt(speed, finalDeg).stream().map(s -> s instanceof EventSample e ? event(1000, "power_lost") : s).toList();
    }

    @Test
    void judgesAPowerLossWhileStandingAndNotOneWhileWalking() {
        FamilyFixture clause = FamilyFixture.postureAfterPowerLoss();
        ClauseEvidence upright = clause.evaluate(powerLossAt(0, 2));
        assertThat(single(upright, TRUNK_TILT).valueSi()).hasValueCloseTo(Math.toRadians(2), within(1e-9));
        assertThat(single(upright, TRUNK_TILT).detail()).startsWith("trigger: power_lost event at 0 m/s; ");
        assertThat(upright.problems()).isEmpty();

        ClauseEvidence fell = clause.evaluate(powerLossAt(0, 85));
        assertThat(single(fell, TRUNK_TILT).valueSi()).hasValueCloseTo(Math.toRadians(85), within(1e-9));

        ClauseEvidence walking = clause.evaluate(powerLossAt(0.5, 2));
        assertThat(walking.readings(TRUNK_TILT)).isEmpty();
        assertThat(walking.problems()).containsExactly("no drive power loss asserted while the robot stood (base speed known and below 0.2 m/s, "
                + "mode neither walking nor fallen); 1 asserted while it did not");
        // SE-BAL-01 (walking) takes no power loss: its trigger is any stop, e-stop or protective stop.
        assertThat(CLAUSE.evaluate(powerLossAt(0.5, 2)).readings(TRUNK_TILT)).isEmpty();
    }

    @Test
    void aRobotWhoseSpeedIsUnknownOrThatLiesFallenIsNotStanding() {
        FamilyFixture clause = FamilyFixture.postureAfterPowerLoss();
        List<Sample> noOdometry = powerLossAt(0, 2).stream().filter(s -> !(s instanceof org.hcert.telemetry.OdometrySample)).toList();
        assertThat(clause.evaluate(noOdometry).readings(TRUNK_TILT)).isEmpty();
        List<Sample> fallen = new ArrayList<>(powerLossAt(0, 2));
        fallen.add(0, safety(0, "fallen", false, false, false));
        assertThat(clause.evaluate(fallen).readings(TRUNK_TILT)).isEmpty();
    }
}
