package org.hcert.simulator;

import java.util.List;
import java.util.Optional;
import org.hcert.telemetry.Vector3;

/**
 * The simulator's true state at one instant, noise-free, for tests to compare hcert's measurements
 * with. Frames: world (odom) with z up; "pelvis frame" x forward, y left, z up.
 *
 * @param simNs simulator time, ns since the simulation began
 * @param robotClockNs the robot's clock at that instant, ns since the Unix epoch
 * @param joints joints in {@code /joint_states} order
 * @param pelvisPositionM pelvis position in the world frame, m (z = pelvis height)
 * @param pelvisVelocityMs pelvis velocity in the world frame, m/s
 * @param trunkTiltRad angle between the trunk's z axis and the vertical, rad
 * @param capturePointAheadM capture point minus CoM along the walking path, m
 * @param captureMarginM distance of the capture point inside the support along the path, m
 *     (negative: outside, the robot cannot stop over its feet; -∞ while toppling)
 * @param supportPhase {@code standing}, {@code walking} or {@code toppling}
 * @param driveEnabled drive power on
 * @param estopLatched e-stop latched
 * @param protectiveStop protective stop asserted
 * @param motionEnabled motion commands accepted (a start followed the last stop)
 * @param mode operating mode
 * @param fallen a fall was detected (tilt over 60°)
 * @param hands per side (left, right): hand speed relative to the pelvis (m/s), contact force (N)
 *     and penetration into the dummy (m)
 * @param battery state of charge (0..1), terminal voltage (V), discharge current (A), temperature (°C)
 * @param lastStop the last stop, if any
 */
public record TrueState(
        long simNs,
        long robotClockNs,
        List<JointTruth> joints,
        Vector3 pelvisPositionM,
        Vector3 pelvisVelocityMs,
        double trunkTiltRad,
        double capturePointAheadM,
        double captureMarginM,
        String supportPhase,
        boolean driveEnabled,
        boolean estopLatched,
        boolean protectiveStop,
        boolean motionEnabled,
        OperatingMode mode,
        boolean fallen,
        List<Hand> hands,
        BatteryTruth battery,
        Optional<StopTruth> lastStop) {

    public TrueState {
        joints = List.copyOf(joints);
        hands = List.copyOf(hands);
    }

    /**
     * A hand's truth: speed relative to the pelvis (m/s), contact force (N), penetration (m), and
     * position in the pelvis frame (m; the arm model's frame, which ignores the trunk's attitude).
     */
    public record Hand(Side side, double speedMs, double contactForceN, double penetrationM, Vector3 positionM) {}

    /** The battery's truth: state of charge (0..1), terminal voltage (V), discharge current (A), pack temperature (°C). */
    public record BatteryTruth(double stateOfCharge, double voltageV, double currentA, double temperatureDegC) {}

    /** Largest |joint velocity|, rad/s. */
    public double maxAbsJointVelocityRadS() {
        return joints.stream().mapToDouble(j -> Math.abs(j.velocityRadS())).max().orElse(0);
    }

    /** hcert's standstill: every |q̇| < 0.01 rad/s and base speed < 0.01 m/s. */
    public boolean isStill() {
        return maxAbsJointVelocityRadS() < Body.STILL_JOINT_RAD_S && pelvisVelocityMs.norm() < Body.STILL_BASE_MS;
    }

    public JointTruth joint(String name) {
        return joints.stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no joint named " + name));
    }

    public Hand hand(Side side) {
        return hands.get(side.index());
    }
}
