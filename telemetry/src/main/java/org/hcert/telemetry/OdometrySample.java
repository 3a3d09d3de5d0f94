package org.hcert.telemetry;

/**
 * Base (pelvis) pose in the world frame (position in m) and its twist in the base frame (m/s,
 * rad/s), as in {@code nav_msgs/msg/Odometry}.
 */
public record OdometrySample(
        long tNs,
        String topic,
        Vector3 positionM,
        Quaternion orientation,
        Vector3 linearVelocityMs,
        Vector3 angularVelocityRadS)
        implements Sample {}
