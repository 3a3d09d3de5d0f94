package org.hcert.telemetry;

/**
 * Trunk IMU reading: orientation in the world frame, angular rate (rad/s) and linear acceleration
 * (m/s²) in the body frame, as in {@code sensor_msgs/msg/Imu}.
 */
public record ImuSample(
        long tNs, String topic, Quaternion orientation, Vector3 angularVelocityRadS, Vector3 linearAccelerationMs2)
        implements Sample {}
