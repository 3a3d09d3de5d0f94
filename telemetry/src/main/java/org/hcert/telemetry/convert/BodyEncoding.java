package org.hcert.telemetry.convert;

/** How message bodies are stored in an MCAP file. */
public enum BodyEncoding {
    /** ROS 2 CDR with {@code ros2msg} schemas, as rosbag2 records; types without a bundled definition go as JSON. */
    CDR,
    /** JSON bodies with a {@code jsonschema} schema that names the type. */
    JSON
}
