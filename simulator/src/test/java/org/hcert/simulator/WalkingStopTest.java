package org.hcert.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalkingStopTest {

    private static final int DECLARED_STOP_MS = RobotDescription.hc1().declaredStopTimeMs();
    private static final double FALL_TILT_RAD = Math.toRadians(60);
    private static final double NOMINAL_HEIGHT_M = RobotDescription.hc1().nominalPelvisHeightM();

    /** HC-1 walking at 0.5 m/s for 3 s plus {@code phaseMs}, so the stop hits every part of a step. */
    private static SimRun walking(SimulatorConfig config, int phaseMs) {
        return new SimRun(config).run(0.2).send(new Command.Walk(0.5, 0, 0)).run(3.0 + phaseMs / 1000.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50, 100, 150, 200, 250, 300, 350, 400, 450})
    void aHealthyEstopFromWalkingStaysUprightAndStopsWithinTheDeclaredTime(int phaseMs) {
        SimRun r = walking(SimulatorConfig.hc1().withTelemetry(false), phaseMs);
        assertThat(r.truth().pelvisVelocityMs().norm()).isGreaterThan(0.35);

        r.resetExtremes().send(new Command.EmergencyStop()).run(2.0);
        StopTruth stop = r.lastStop();

        assertThat(stop.stopTimeMs().getAsLong()).isLessThan(DECLARED_STOP_MS);
        assertThat(stop.driveOffNs()).isPresent();
        assertThat(stop.fallNs()).isEmpty();
        assertThat(r.maxTiltRad).isLessThan(Math.toRadians(5));
        assertThat(r.minPelvisHeightM).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 200, 300, 400})
    void aStopWhileWalkingTiltsTheTrunkSmoothlyNeverByAJump(int phaseMs) {
        SimRun r = walking(SimulatorConfig.hc1().withTelemetry(false), phaseMs).keepTrace().run(0.01);

        r.send(new Command.EmergencyStop()).run(1.0);
        double largestStepRad = 0;
        for (int i = 1; i < r.trace.size(); i++) {
            largestStepRad = Math.max(largestStepRad, Math.abs(r.trace.get(i).trunkTiltRad() - r.trace.get(i - 1).trunkTiltRad()));
        }

        // The trunk's roll sway is 0.03 rad at full gait amplitude; when a stop cuts a step short the
        // amplitude fades at 5/s and the phase advances at no more than 2π rad/s, so the tilt moves
        // by at most 0.03·(5 + 2π)·0.001 ≈ 3.4e-4 rad per 1 ms step (a jump of the gait phase would
        // move it by up to 0.03 rad at once).
        assertThat(largestStepRad).isLessThan(5e-4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 120, 240, 360})
    void aCategoryZeroCutWithFallOnStopTopplesTheRobot(int phaseMs) {
        SimRun r = walking(SimulatorConfig.hc1().withTelemetry(false), phaseMs);
        r.robot.faults().activate("fall-on-stop");

        r.resetExtremes().send(new Command.EmergencyStop()).run(3.0);

        assertThat(r.lastStop().category()).isEqualTo(StopCategory.ZERO);
        assertThat(r.lastStop().driveOffNs()).hasValue(r.lastStop().triggerNs());
        assertThat(r.lastStop().fallNs()).isPresent();
        assertThat(r.truth().fallen()).isTrue();
        assertThat(r.maxTiltRad).isGreaterThan(FALL_TILT_RAD);
        assertThat(r.minPelvisHeightM).isLessThan(0.3 * NOMINAL_HEIGHT_M);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 50, 100, 150, 200, 250, 300, 350, 400, 450})
    void aHealthyCategoryZeroCutFallsExactlyWhenTheCapturePointLiesOutsideTheStanceFoot(int phaseMs) {
        SimRun r = walking(SimulatorConfig.hc1().withTelemetry(false).withEstopCategory(StopCategory.ZERO), phaseMs);

        r.send(new Command.EmergencyStop());
        double margin = r.truth().captureMarginM();
        r.run(4.0);
        OptionalLong fall = r.lastStop().fallNs();

        assertThat(fall.isPresent()).as("fall with capture margin %.4f m", margin).isEqualTo(margin < 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200, 400})
    void slowEstopTakesLongerThanDeclaredWithoutFalling(int phaseMs) {
        SimRun r = walking(SimulatorConfig.hc1().withTelemetry(false), phaseMs);
        r.robot.faults().activate("slow-estop");

        r.resetExtremes().send(new Command.EmergencyStop()).run(4.0);

        assertThat(r.lastStop().stopTimeMs().getAsLong()).isGreaterThan(DECLARED_STOP_MS);
        assertThat(r.lastStop().fallNs()).isEmpty();
    }
}
