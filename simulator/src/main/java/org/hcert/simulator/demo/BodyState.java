package org.hcert.simulator.demo;

import java.util.List;
import org.hcert.telemetry.Vector3;

/**
 * The noise-free state of HC-1 at one instant: joint trajectories (rad) in {@link Hc1#JOINTS}
 * order, pelvis position in the odom frame (m, z = height above ground) and trunk attitude.
 */
record BodyState(List<Kin> joints, Kin x, Kin y, Kin z, Attitude attitude) {

    BodyState {
        joints = List.copyOf(joints);
    }

    /** Pelvis velocity in the world (odom) frame, m/s. */
    Vector3 velocityWorld() {
        return new Vector3(x.v(), y.v(), z.v());
    }

    /** Pelvis velocity in the base (pelvis) frame, m/s. */
    Vector3 velocityBody() {
        return attitude.toBody(velocityWorld());
    }

    /** Specific force an accelerometer on the trunk measures, body frame, m/s²: Rᵀ·(a + g·ẑ). */
    Vector3 specificForceBody(double gravityMs2) {
        return attitude.toBody(new Vector3(x.a(), y.a(), z.a() + gravityMs2));
    }

    /** Largest absolute joint velocity, rad/s. */
    double maxAbsJointVelocity() {
        double max = 0;
        for (Kin q : joints) {
            max = Math.max(max, Math.abs(q.v()));
        }
        return max;
    }

    /** Whether hcert's standstill definition holds: every |q'| and |v_base| below the thresholds. */
    boolean isStill(double jointRadS, double baseMs) {
        return maxAbsJointVelocity() < jointRadS && velocityWorld().norm() < baseMs;
    }
}
