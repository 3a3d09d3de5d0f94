package org.hcert.telemetry.ros;

/** The two message-definition languages, which differ in type names and serialization. */
enum Dialect {

    /** ROS 1 {@code .msg}: {@code time}, {@code duration}, {@code byte} = int8, serialized without alignment. */
    ROS1("ros1msg"),

    /** ROS 2 {@code .msg}: bounded strings and sequences, {@code wstring}, {@code byte} = uint8, serialized as CDR. */
    ROS2("ros2msg");

    private final String schemaEncoding;

    Dialect(String schemaEncoding) {
        this.schemaEncoding = schemaEncoding;
    }

    /** The MCAP/rosbag2 schema encoding of definitions in this dialect. */
    String schemaEncoding() {
        return schemaEncoding;
    }
}
