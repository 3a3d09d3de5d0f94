package org.hcert.adapters.safety;

/**
 * The largest speeds the harness may command, e.g. from the lab profile. Each must be positive.
 *
 * @param walkSpeedMps the largest planar walking speed √(vx² + vy²), m/s
 * @param yawRateRadPerS the largest turn rate, rad/s
 * @param jointSpeedRadPerS the largest joint speed, rad/s
 * @param handSpeedMps the largest hand speed, m/s
 */
public record MotionLimits(double walkSpeedMps, double yawRateRadPerS, double jointSpeedRadPerS, double handSpeedMps) {

    public MotionLimits {
        if (!(walkSpeedMps > 0 && yawRateRadPerS > 0 && jointSpeedRadPerS > 0 && handSpeedMps > 0)) {
            throw new IllegalArgumentException("motion limits must be positive: walk %s m/s, yaw %s rad/s, joint %s rad/s, hand %s m/s"
                    .formatted(walkSpeedMps, yawRateRadPerS, jointSpeedRadPerS, handSpeedMps));
        }
    }

    @Override
    public String toString() {
        return "walk ≤ %s m/s, turn ≤ %s rad/s, joints ≤ %s rad/s, hands ≤ %s m/s".formatted(walkSpeedMps, yawRateRadPerS,
                jointSpeedRadPerS, handSpeedMps);
    }
}
