package org.hcert.simulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalLong;
import org.hcert.telemetry.Message;

/**
 * A raw stop time from received telemetry, hcert's definition without its velocity smoothing: from
 * the {@code estop_pressed} event to the first sample after which every |joint velocity| stays
 * below 0.01 rad/s ({@code /joint_states}) and the base speed below 0.01 m/s ({@code /odom}).
 */
final class StopTiming {

    static final double STILL_JOINT_RAD_S = 0.01;
    static final double STILL_BASE_MS = 0.01;

    private StopTiming() {}

    /** Trigger to standstill, ns (both on the harness clock, mapped from robot stamps), or empty. */
    static OptionalLong stopTimeNs(List<Message> messages) {
        long trigger = messages.stream().filter(m -> m.topic().equals("/events")
                && m.body().path("kind").asText().equals("estop_pressed")).mapToLong(Message::logTimeNs).findFirst().orElse(-1);
        if (trigger < 0) {
            return OptionalLong.empty();
        }
        long joints = settledSince(messages, "/joint_states", trigger);
        long base = settledSince(messages, "/odom", trigger);
        return joints < 0 || base < 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(joints, base) - trigger);
    }

    private static long settledSince(List<Message> messages, String topic, long trigger) {
        long since = -1;
        for (Message m : messages) {
            if (!m.topic().equals(topic) || m.logTimeNs() < trigger) {
                continue;
            }
            boolean moving = topic.equals("/odom") ? baseSpeed(m.body()) >= STILL_BASE_MS : maxJoint(m.body()) >= STILL_JOINT_RAD_S;
            if (moving) {
                since = -1;
            } else if (since < 0) {
                since = m.logTimeNs();
            }
        }
        return since;
    }

    static double maxJoint(JsonNode js) {
        double max = 0;
        for (JsonNode v : js.path("velocity")) {
            max = Math.max(max, Math.abs(v.asDouble()));
        }
        return max;
    }

    static double baseSpeed(JsonNode odom) {
        JsonNode l = odom.path("twist").path("twist").path("linear");
        return Math.sqrt(sq(l.path("x").asDouble()) + sq(l.path("y").asDouble()) + sq(l.path("z").asDouble()));
    }

    private static double sq(double x) {
        return x * x;
    }
}
