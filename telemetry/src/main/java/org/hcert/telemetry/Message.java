package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One recorded message, before decoding into typed samples.
 *
 * @param logTimeNs time the message was logged, nanoseconds since the Unix epoch
 * @param topic the robot's own topic name, e.g. {@code /joint_states}
 * @param type the message type, e.g. {@code sensor_msgs/msg/JointState}
 * @param body the message body in the JSON shape of its ROS definition
 * @param origin where the message came from, for error messages ({@code file.ndjson:12})
 */
public record Message(long logTimeNs, String topic, String type, JsonNode body, String origin) {

    public Message {
        Objects.requireNonNull(topic, "topic must not be null");
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(body, "body must not be null");
        Objects.requireNonNull(origin, "origin must not be null");
    }
}
