package org.hcert.simulator.demo;

import java.util.List;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.Vector3;

/** Message bodies in the JSON shape of their ROS 2 {@code .msg} definitions (covariances omitted). */
final class RosMessages {

    private RosMessages() {}

    /** One NDJSON line: {@code {"t", "topic", "type", "msg"}}. */
    static String line(long tNs, String topic, String type, JsonObject msg) {
        return new JsonObject().put("t", tNs).put("topic", topic).put("type", type).put("msg", msg).toString();
    }

    /** std_msgs/Header with the stamp split into sec and nanosec. */
    static JsonObject header(long tNs, String frameId) {
        JsonObject stamp = new JsonObject().put("sec", Math.floorDiv(tNs, 1_000_000_000L))
                .put("nanosec", Math.floorMod(tNs, 1_000_000_000L));
        return new JsonObject().put("stamp", stamp).put("frame_id", frameId);
    }

    static JsonObject vector(Vector3 v, int decimals) {
        return new JsonObject().put("x", v.x(), decimals).put("y", v.y(), decimals).put("z", v.z(), decimals);
    }

    static JsonObject quaternion(Quaternion q) {
        return new JsonObject().put("x", q.x(), 6).put("y", q.y(), 6).put("z", q.z(), 6).put("w", q.w(), 6);
    }

    static JsonObject jointState(long tNs, List<String> names, double[] position, double[] velocity,
            double[] effort) {
        return new JsonObject().put("header", header(tNs, "")).putStrings("name", names)
                .putNumbers("position", position, 5).putNumbers("velocity", velocity, 4)
                .putNumbers("effort", effort, 2);
    }

    static JsonObject imu(long tNs, Quaternion orientation, Vector3 angularVelocity, Vector3 acceleration) {
        return new JsonObject().put("header", header(tNs, "imu_torso")).put("orientation", quaternion(orientation))
                .put("angular_velocity", vector(angularVelocity, 5))
                .put("linear_acceleration", vector(acceleration, 4));
    }

    static JsonObject odometry(long tNs, Vector3 position, Quaternion orientation, Vector3 linear,
            Vector3 angular) {
        JsonObject pose = new JsonObject().put("position", vector(position, 5))
                .put("orientation", quaternion(orientation));
        JsonObject twist = new JsonObject().put("linear", vector(linear, 5)).put("angular", vector(angular, 5));
        return new JsonObject().put("header", header(tNs, "odom")).put("child_frame_id", "pelvis")
                .put("pose", new JsonObject().put("pose", pose)).put("twist", new JsonObject().put("twist", twist));
    }

    static JsonObject wrench(long tNs, String frameId, Vector3 force, Vector3 torque) {
        JsonObject w = new JsonObject().put("force", vector(force, 3)).put("torque", vector(torque, 4));
        return new JsonObject().put("header", header(tNs, frameId)).put("wrench", w);
    }

    static JsonObject safetyState(long tNs, String mode, boolean estop, boolean driveEnabled) {
        return new JsonObject().put("mode", mode).put("estop", estop)
                .put("protective_stop", false).put("drive_enabled", driveEnabled);
    }

    static JsonObject event(long tNs, String kind, String detail) {
        return new JsonObject().put("kind", kind).put("detail", detail);
    }
}
