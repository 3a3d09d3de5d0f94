package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * How the fields of a message of any type feed the joints role: a field path for the positions,
 * and optionally the velocities and efforts, each with a scale to SI (rad, rad/s, N·m), and the
 * joint names given in the profile or read from a field. A path is dotted field names, each
 * optionally followed by {@code [*]} (every element of an array, in order) or {@code [N]} (one
 * element): {@code motor_state[*].q}. A path that yields no number where one is needed is an error
 * naming the message; an optional signal whose field is absent is absent, never 0.
 *
 * @param names the joint names, in the order of the position values, or empty to read them from {@code namesFrom}
 * @param namesFrom the path of the names, or empty when they are given
 */
public record JointFields(List<String> names, String namesFrom, String position, String velocity, String effort,
        double positionScale, double velocityScale, double effortScale) {

    public JointFields {
        names = List.copyOf(names);
        Objects.requireNonNull(namesFrom, "namesFrom must not be null");
        Objects.requireNonNull(position, "position must not be null");
        Objects.requireNonNull(velocity, "velocity must not be null");
        Objects.requireNonNull(effort, "effort must not be null");
        if (names.isEmpty() == namesFrom.isEmpty()) {
            throw new IllegalArgumentException("give the joint names or the field they are read from, one of the two");
        }
    }

    /** The joint state {@code m} carries through these fields. */
    public JointStateSample sample(Message m) {
        List<String> jointNames = names.isEmpty() ? texts(m, namesFrom) : names;
        double[] q = numbers(m, position, positionScale, "position");
        if (q.length != jointNames.size()) {
            throw new TelemetryFormatException(m.origin(), "field %s holds %d values for %d joint names".formatted(position, q.length,
                    jointNames.size()));
        }
        double[] dq = velocity.isEmpty() ? new double[0] : optional(m, velocity, velocityScale, jointNames.size());
        double[] tau = effort.isEmpty() ? new double[0] : optional(m, effort, effortScale, jointNames.size());
        return new JointStateSample(m.logTimeNs(), m.topic(), jointNames, q, dq, tau);
    }

    private static double[] optional(Message m, String path, double scale, int joints) {
        List<JsonNode> nodes = select(m.body(), path);
        if (nodes.isEmpty()) {
            return new double[0];
        }
        double[] v = numbers(m, path, scale, path);
        if (v.length != joints) {
            throw new TelemetryFormatException(m.origin(), "field %s holds %d values for %d joints".formatted(path, v.length, joints));
        }
        return v;
    }

    private static double[] numbers(Message m, String path, double scale, String what) {
        List<JsonNode> nodes = select(m.body(), path);
        double[] out = new double[nodes.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = nodes.get(i);
            if (n.isNull()) {
                out[i] = Double.NaN;
            } else if (n.isNumber()) {
                out[i] = n.doubleValue() * scale;
            } else {
                throw new TelemetryFormatException(m.origin(), "field %s (%s) is not a number: %s".formatted(path, what, n));
            }
        }
        if (out.length == 0) {
            throw new TelemetryFormatException(m.origin(), "field %s (%s) is missing".formatted(path, what));
        }
        return out;
    }

    private static List<String> texts(Message m, String path) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : select(m.body(), path)) {
            if (!n.isTextual()) {
                throw new TelemetryFormatException(m.origin(), "field %s (joint names) is not text: %s".formatted(path, n));
            }
            out.add(n.textValue());
        }
        if (out.isEmpty()) {
            throw new TelemetryFormatException(m.origin(), "field %s (joint names) is missing".formatted(path));
        }
        return out;
    }

    /** The values {@code path} selects in {@code body}, in order; empty when a field on the way is absent. */
    static List<JsonNode> select(JsonNode body, String path) {
        List<JsonNode> current = List.of(body);
        for (String step : path.split("\\.", -1)) {
            String field = step;
            @Nullable String index = null;
            int bracket = step.indexOf('[');
            if (bracket >= 0) {
                if (!step.endsWith("]")) {
                    throw new IllegalArgumentException("field path %s: %s has no closing ]".formatted(path, step));
                }
                field = step.substring(0, bracket);
                index = step.substring(bracket + 1, step.length() - 1);
            }
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                JsonNode v = n.get(field);
                if (v == null || v.isMissingNode()) {
                    continue;
                }
                if (index == null) {
                    next.add(v);
                } else if (index.equals("*")) {
                    v.forEach(next::add);
                } else {
                    JsonNode e = v.get(Integer.parseInt(index));
                    if (e != null) {
                        next.add(e);
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** Check a path's form: dotted names, each with an optional [*] or [N]; the problem, or empty. */
    public static String problemWith(String path) {
        for (String step : path.split("\\.", -1)) {
            if (!step.matches("[A-Za-z_][A-Za-z0-9_]*(\\[(\\*|[0-9]+)])?")) {
                return "\"%s\" in field path %s is not a field name with an optional [*] or [N]".formatted(step, path);
            }
        }
        return "";
    }
}
