package org.hcert.telemetry;

/** Force (N) and torque (N·m) measured in {@code frameId}, as in {@code geometry_msgs/msg/WrenchStamped}. */
public record WrenchSample(long tNs, String topic, String frameId, Vector3 forceN, Vector3 torqueNm)
        implements Sample {}
