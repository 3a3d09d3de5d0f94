package org.hcert.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The truth files agree with what the samples show, and each recording shows what it promises. */
class StopTruthTest {

    private static final long ESTOP_NS = 1_772_352_005_000_000_000L;
    /** Odometry period: the coarsest signal in hcert's standstill definition, ns. */
    private static final long ODOM_PERIOD_NS = 10_000_000L;
    private static final long SAFETY_PERIOD_NS = 20_000_000L;

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic"})
    void truthStandstillIsWithinOneSamplePeriodOfTheSamples(String name) {
        Recorded r = Recorded.load(name);

        long measured = Math.max(lastMoving(r.joints), lastMovingOdom(r.odom));

        assertThat(r.truthNs("estop_time_ns")).isEqualTo(ESTOP_NS);
        assertThat(measured).isCloseTo(r.truthNs("standstill_time_ns"), within(ODOM_PERIOD_NS));
        assertThat(r.truthNs("stop_time_ms")).isEqualTo((r.truthNs("standstill_time_ns") - ESTOP_NS) / 1_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall"})
    void safetyStateShowsEstopAndDriveOffAsTheTruthSays(String name) {
        Recorded r = Recorded.load(name);

        SafetyStateSample firstEstop = r.safety.stream().filter(SafetyStateSample::estop).findFirst().orElseThrow();
        SafetyStateSample firstOff = r.safety.stream().filter(s -> !s.driveEnabled()).findFirst().orElseThrow();
        EventSample pressed = event(r, "estop_pressed");

        assertThat(firstEstop.tNs()).isEqualTo(ESTOP_NS);
        assertThat(pressed.tNs()).isEqualTo(ESTOP_NS);
        assertThat(firstOff.tNs() - r.truthNs("drive_off_time_ns")).isBetween(0L, SAFETY_PERIOD_NS - 1);
        assertThat(firstOff.mode()).isEqualTo("stopped");
        assertThat(r.safety.get(r.safety.size() - 1)).extracting(SafetyStateSample::estop, SafetyStateSample::driveEnabled)
                .containsExactly(false, false);
    }

    @Test
    void conformantRobotStandsStillAfterTheStop() {
        Recorded r = Recorded.load("conformant");
        long standstill = r.truthNs("standstill_time_ns");
        long atRest = standstill + ODOM_PERIOD_NS;

        assertThat(r.joints).filteredOn(j -> j.tNs() >= atRest)
                .allSatisfy(j -> assertThat(j.maxAbsVelocityRadS()).isLessThan(0.005));
        assertThat(r.odom).filteredOn(o -> o.tNs() >= atRest)
                .allSatisfy(o -> assertThat(o.linearVelocityMs().norm()).isLessThan(0.005));
        assertThat(r.truthNs("stop_time_ms")).isBetween(300L, 400L);
        assertThat(r.truthNs("drive_off_time_ns") - standstill).isEqualTo(20_000_000L);
        assertThat(r.truth.get("fall_detected_time_ns").isNull()).isTrue();
    }

    @Test
    void slowEstopStopsInAboutElevenHundredMilliseconds() {
        assertThat(Recorded.load("slow-estop").truthNs("stop_time_ms")).isBetween(1050L, 1150L);
    }

    @Test
    void fallTopplesTheTrunkAndLowersThePelvisBeforeTheDeclaredStoppingTime() {
        Recorded r = Recorded.load("fall");
        double maxTiltDeg = r.imu.stream().filter(i -> i.tNs() >= ESTOP_NS)
                .mapToDouble(i -> Math.toDegrees(i.orientation().tiltFromVerticalRad())).max().orElseThrow();
        double minHeight = r.odom.stream().mapToDouble(o -> o.positionM().z()).min().orElseThrow();
        EventSample fall = event(r, "fall_detected");

        assertThat(maxTiltDeg).isGreaterThan(60).isCloseTo(r.truth.get("max_trunk_tilt_after_stop_deg").asDouble(),
                within(0.5));
        assertThat(minHeight).isLessThan(0.3 * Hc1.NOMINAL_PELVIS_HEIGHT_M);
        assertThat(fall.tNs()).isEqualTo(r.truthNs("fall_detected_time_ns"));
        assertThat(tiltDegAt(r.imu, fall.tNs() - 5_000_000L)).isLessThan(60);
        assertThat(r.truthNs("drive_off_time_ns")).isEqualTo(ESTOP_NS);
        assertThat(r.truthNs("stop_time_ms")).isLessThan(Hc1.DECLARED_STOPPING_TIME_MS - 50L);
    }

    @Test
    void overrunPeaksAsTheTruthSays() {
        Recorded r = Recorded.load("joint-overrun");
        int knee = Hc1.index("left_knee");
        JointStateSample peak = r.joints.stream()
                .max((a, b) -> Double.compare(a.positionRad(knee), b.positionRad(knee))).orElseThrow();

        assertThat(peak.positionRad(knee)).isCloseTo(2.32, within(0.01))
                .isCloseTo(r.truth.at("/max_joint_overrun/peak_rad").asDouble(), within(0.002));
        assertThat(peak.tNs()).isCloseTo(r.truth.at("/max_joint_overrun/time_ns").asLong(), within(5_000_000L));
        assertThat(r.joints).filteredOn(j -> j.positionRad(knee) > 2.2).hasSizeBetween(28, 32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "fall", "missing-safety-topic"})
    void jointsStayWithinPositionAndVelocityLimits(String name) {
        Recorded r = Recorded.load(name);

        assertThat(r.truth.get("max_joint_overrun").isNull()).isTrue();
        assertThat(r.joints).allSatisfy(j -> {
            for (int i = 0; i < j.size(); i++) {
                JointSpec spec = Hc1.JOINTS.get(i);
                assertThat(j.positionRad(i)).as(spec.name()).isBetween(spec.lowerRad(), spec.upperRad());
            }
            assertThat(j.maxAbsVelocityRadS()).isLessThan(Hc1.VELOCITY_LIMIT_RAD_S);
        });
    }

    private static long lastMoving(List<JointStateSample> joints) {
        long last = ESTOP_NS;
        for (JointStateSample j : joints) {
            if (j.tNs() >= ESTOP_NS && j.maxAbsVelocityRadS() >= 0.01) {
                last = j.tNs();
            }
        }
        return last;
    }

    private static long lastMovingOdom(List<OdometrySample> odom) {
        long last = ESTOP_NS;
        for (OdometrySample o : odom) {
            if (o.tNs() >= ESTOP_NS && o.linearVelocityMs().norm() >= 0.01) {
                last = o.tNs();
            }
        }
        return last;
    }

    private static EventSample event(Recorded r, String kind) {
        return r.events.stream().filter(e -> e.kind().equals(kind)).findFirst().orElseThrow(
                () -> new AssertionError("no %s event".formatted(kind)));
    }

    private static double tiltDegAt(List<ImuSample> imu, long tNs) {
        return imu.stream().filter(i -> i.tNs() <= tNs).reduce((a, b) -> b)
                .map(i -> Math.toDegrees(i.orientation().tiltFromVerticalRad())).orElseThrow();
    }
}
