package org.hcert.simulator.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhysicalConsistencyTest {

    /**
     * Central difference over ±10 ms against the reported velocity, rad/s: position noise (σ 1e-4
     * rad, clipped at 4e-4) contributes at most 0.04 rad/s, velocity noise 0.002 rad/s, truncation
     * of the smooth motion well under 0.01 rad/s.
     */
    private static final double JOINT_RATE_TOLERANCE_RAD_S = 0.05;
    /**
     * Where acceleration jumps (drives cut, ground impact in the fall), a difference quotient over
     * [t-H, t+H] errs by (a₊ - a₋)·H/4 = (v(t+H) - 2v(t) + v(t-H))/4; for smooth motion that second
     * difference is negligible. This multiple of the second difference of the reported rates is
     * added to the tolerance.
     */
    private static final double JUMP_ALLOWANCE = 0.5;
    /** Gyro noise: each axis is clipped at 2e-3 rad/s, so the mean of two readings errs by at most 0.0035 rad/s. */
    private static final double IMU_RATE_TOLERANCE_RAD_S = 0.01;
    /**
     * HC-1's gyro reads the change of attitude over the last physics period (1 ms), so it lags the
     * true rate by half a period: where the body's angular acceleration is α, both readings are off
     * by α·0.5 ms. α is taken from the two readings themselves, |Δω|/Δt; this is their lag, s.
     */
    private static final double GYRO_LAG_S = 0.0005;

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall"})
    void jointVelocityIsDerivativeOfPosition(String name) {
        List<JointStateSample> js = Recorded.load(name).joints;
        double worst = 0;
        String where = "";
        for (int i = 2; i < js.size() - 2; i++) {
            JointStateSample a = js.get(i - 2);
            JointStateSample b = js.get(i + 2);
            double dt = (b.tNs() - a.tNs()) / 1e9;
            for (int j = 0; j < a.size(); j++) {
                double error = Math.abs((b.positionRad(j) - a.positionRad(j)) / dt - js.get(i).velocityRadS(j));
                double excess = error - JUMP_ALLOWANCE * Math.abs(b.velocityRadS(j) - 2 * js.get(i).velocityRadS(j) + a.velocityRadS(j));
                if (excess > worst) {
                    worst = excess;
                    where = "%s at %d ns, |Δq/Δt - q'| = %.4f".formatted(a.names().get(j), js.get(i).tNs(), error);
                }
            }
        }
        assertThat(worst).as("largest |Δq/Δt - q'| beyond the jump allowance in %s (%s), rad/s", name, where)
                .isLessThan(JOINT_RATE_TOLERANCE_RAD_S);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall"})
    void odomPositionIsIntegralOfVelocity(String name) {
        List<OdometrySample> odom = Recorded.load(name).odom;
        Vector3 p = odom.get(0).positionM();
        double worst = 0;
        for (int i = 1; i < odom.size(); i++) {
            OdometrySample a = odom.get(i - 1);
            OdometrySample b = odom.get(i);
            double dt = (b.tNs() - a.tNs()) / 1e9;
            Vector3 v = Rotations.mean(Rotations.rotate(a.orientation(), a.linearVelocityMs()),
                    Rotations.rotate(b.orientation(), b.linearVelocityMs()));
            p = new Vector3(p.x() + v.x() * dt, p.y() + v.y() * dt, p.z() + v.z() * dt);
            worst = Math.max(worst, Rotations.minus(p, b.positionM()).norm());
        }
        assertThat(worst).as("largest |∫v dt - position| in %s, m", name).isLessThan(0.005);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conformant", "slow-estop", "joint-overrun", "fall"})
    void imuAngularRateMatchesOrientationChange(String name) {
        List<ImuSample> imu = Recorded.load(name).imu;
        double worst = 0;
        for (int i = 2; i < imu.size() - 1; i++) {
            ImuSample a = imu.get(i - 1);
            ImuSample b = imu.get(i);
            Vector3 fromOrientation = Rotations.bodyRate(a.orientation(), b.orientation(), (b.tNs() - a.tNs()) / 1e9);
            double dt = (b.tNs() - a.tNs()) / 1e9;
            Vector3 gyro = Rotations.mean(a.angularVelocityRadS(), b.angularVelocityRadS());
            double curvature = Math.max(secondDifference(imu, i - 1), secondDifference(imu, i));
            double lag = GYRO_LAG_S * Rotations.minus(b.angularVelocityRadS(), a.angularVelocityRadS()).norm() / dt;
            worst = Math.max(worst, Rotations.minus(fromOrientation, gyro).norm() - JUMP_ALLOWANCE * curvature - lag);
        }
        assertThat(worst).as("largest |ω(orientation) - ω(gyro)| beyond the jump allowance in %s, rad/s", name)
                .isLessThan(IMU_RATE_TOLERANCE_RAD_S);
    }

    /** |ω(i+1) - 2ω(i) + ω(i-1)| of the gyro, rad/s. */
    private static double secondDifference(List<ImuSample> imu, int i) {
        Vector3 back = Rotations.minus(imu.get(i).angularVelocityRadS(), imu.get(i - 1).angularVelocityRadS());
        Vector3 ahead = Rotations.minus(imu.get(i + 1).angularVelocityRadS(), imu.get(i).angularVelocityRadS());
        return Rotations.minus(ahead, back).norm();
    }
}
