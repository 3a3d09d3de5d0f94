package org.hcert.telemetry;

import java.util.Arrays;
import java.util.Objects;

/**
 * The schema a serialized message body was written with, as MCAP and rosbag2 store it.
 *
 * @param name the type name, e.g. {@code sensor_msgs/msg/JointState}
 * @param encoding the schema encoding: {@code ros2msg}, {@code ros1msg}, {@code jsonschema}, or empty
 * @param data the schema text or bytes (for ros2msg: the concatenated .msg definitions)
 */
@SuppressWarnings("ArrayRecordComponent") // the schema bytes as read; equality of SchemaInfo is never used
public record SchemaInfo(String name, String encoding, byte[] data) {

    public SchemaInfo {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(encoding, "encoding must not be null");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaInfo s && s.name.equals(name) && s.encoding.equals(encoding) && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, encoding, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "SchemaInfo[name=%s, encoding=%s, %d bytes]".formatted(name, encoding, data.length);
    }
}
