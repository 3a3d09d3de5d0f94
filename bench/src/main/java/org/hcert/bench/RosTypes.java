package org.hcert.bench;

import java.nio.charset.StandardCharsets;

/**
 * The message types of a bench recording with their ros2msg definitions, concatenated as rosbag2
 * stores them in MCAP Schema records: the type's own {@code .msg} text, then each dependency after
 * a line of 80 {@code =} and {@code MSG: pkg/Type}. Comments and constants are left out.
 *
 * <p>{@code hcert/msg/SafetyState} and {@code hcert/msg/Event} have no public definition; these
 * are the fields hcert reads, after a {@code std_msgs/Header}.
 */
enum RosTypes {
    JOINT_STATE("sensor_msgs/msg/JointState", """
            std_msgs/Header header
            string[] name
            float64[] position
            float64[] velocity
            float64[] effort
            """, Dep.HEADER, Dep.TIME),
    IMU("sensor_msgs/msg/Imu", """
            std_msgs/Header header
            geometry_msgs/Quaternion orientation
            float64[9] orientation_covariance
            geometry_msgs/Vector3 angular_velocity
            float64[9] angular_velocity_covariance
            geometry_msgs/Vector3 linear_acceleration
            float64[9] linear_acceleration_covariance
            """, Dep.HEADER, Dep.TIME, Dep.QUATERNION, Dep.VECTOR3),
    ODOMETRY("nav_msgs/msg/Odometry", """
            std_msgs/Header header
            string child_frame_id
            geometry_msgs/PoseWithCovariance pose
            geometry_msgs/TwistWithCovariance twist
            """, Dep.HEADER, Dep.TIME, Dep.POSE_WITH_COVARIANCE, Dep.POSE, Dep.POINT, Dep.QUATERNION,
            Dep.TWIST_WITH_COVARIANCE, Dep.TWIST, Dep.VECTOR3),
    WRENCH_STAMPED("geometry_msgs/msg/WrenchStamped", """
            std_msgs/Header header
            geometry_msgs/Wrench wrench
            """, Dep.HEADER, Dep.TIME, Dep.WRENCH, Dep.VECTOR3),
    BATTERY_STATE("sensor_msgs/msg/BatteryState", """
            std_msgs/Header header
            float32 voltage
            float32 temperature
            float32 current
            float32 charge
            float32 capacity
            float32 design_capacity
            float32 percentage
            uint8 power_supply_status
            uint8 power_supply_health
            uint8 power_supply_technology
            bool present
            float32[] cell_voltage
            float32[] cell_temperature
            string location
            string serial_number
            """, Dep.HEADER, Dep.TIME),
    SAFETY_STATE("hcert/msg/SafetyState", """
            std_msgs/Header header
            string mode
            bool estop
            bool protective_stop
            bool drive_enabled
            """, Dep.HEADER, Dep.TIME),
    EVENT("hcert/msg/Event", """
            std_msgs/Header header
            string kind
            string detail
            """, Dep.HEADER, Dep.TIME);

    private final String typeName;
    private final String definition;

    RosTypes(String typeName, String own, Dep... deps) {
        this.typeName = typeName;
        StringBuilder text = new StringBuilder(own);
        for (Dep d : deps) {
            text.append("=".repeat(80)).append('\n').append("MSG: ").append(d.name).append('\n').append(d.text);
        }
        this.definition = text.toString();
    }

    String typeName() {
        return typeName;
    }

    /** The ros2msg text of this type and its dependencies, UTF-8. */
    byte[] definition() {
        return definition.getBytes(StandardCharsets.UTF_8);
    }

    /** The dependencies, each defined once. */
    private enum Dep {
        HEADER("std_msgs/Header", "builtin_interfaces/Time stamp\nstring frame_id\n"),
        TIME("builtin_interfaces/Time", "int32 sec\nuint32 nanosec\n"),
        VECTOR3("geometry_msgs/Vector3", "float64 x\nfloat64 y\nfloat64 z\n"),
        POINT("geometry_msgs/Point", "float64 x\nfloat64 y\nfloat64 z\n"),
        QUATERNION("geometry_msgs/Quaternion", "float64 x\nfloat64 y\nfloat64 z\nfloat64 w\n"),
        POSE("geometry_msgs/Pose", "Point position\nQuaternion orientation\n"),
        POSE_WITH_COVARIANCE("geometry_msgs/PoseWithCovariance", "Pose pose\nfloat64[36] covariance\n"),
        TWIST("geometry_msgs/Twist", "Vector3 linear\nVector3 angular\n"),
        TWIST_WITH_COVARIANCE("geometry_msgs/TwistWithCovariance", "Twist twist\nfloat64[36] covariance\n"),
        WRENCH("geometry_msgs/Wrench", "Vector3 force\nVector3 torque\n");

        final String name;
        final String text;

        Dep(String name, String text) {
            this.name = name;
            this.text = text;
        }
    }
}
