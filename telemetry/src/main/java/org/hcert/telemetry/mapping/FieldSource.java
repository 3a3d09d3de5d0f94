package org.hcert.telemetry.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one input of a role comes from in a message body: one or more field paths, whose
 * selections are joined in order, with a scale to SI; or a constant the robot profile gives.
 *
 * <p>A path is dotted field names, each optionally followed by {@code [*]} (every element of an
 * array, in order) or {@code [N]} (one element): {@code motor_state[*].q}. A path that is not of
 * that form and has no brackets (a CSV column such as {@code Time (s)} or {@code imu.gyro x}) names
 * one top-level field by its exact text; a path that is of that form is also tried as such a name
 * first, so a table's column {@code q.0} or {@code imu.wx} is found as written.
 *
 * @param paths the paths, empty for a constant
 * @param scale the factor from the field's unit to SI (1 when the field is in SI)
 * @param constant the value the profile gives, or null when the value is read from {@code paths}
 */
public record FieldSource(List<String> paths, double scale, @Nullable JsonNode constant) {

    public FieldSource {
        paths = List.copyOf(paths);
        if (paths.isEmpty() == (constant == null)) {
            throw new IllegalArgumentException("a field source is one or more paths or a constant, one of the two");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive finite number, got " + scale);
        }
        for (String p : paths) {
            String problem = problemWith(p);
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** The values at {@code path}, in SI when they are numbers scaled by {@code scale}. */
    public static FieldSource path(String path, double scale) {
        return new FieldSource(List.of(path), scale, null);
    }

    /** The values at {@code path}, as they are. */
    public static FieldSource path(String path) {
        return path(path, 1);
    }

    /** A value the robot profile gives for every message. */
    public static FieldSource constant(JsonNode value) {
        return new FieldSource(List.of(), 1, Objects.requireNonNull(value, "value must not be null"));
    }

    /** How the profile wrote it, for messages: the paths joined by {@code +}, or the constant. */
    public String describe() {
        return constant != null ? "the constant " + constant : String.join(" + ", paths);
    }

    /** The values the paths select in {@code body}, in order; empty when none is there (a constant gives itself). */
    public List<JsonNode> select(JsonNode body) {
        if (constant != null) {
            return List.of(constant);
        }
        if (paths.size() == 1) {
            return select(body, paths.get(0));
        }
        List<JsonNode> out = new ArrayList<>();
        for (String p : paths) {
            out.addAll(select(body, p));
        }
        return out;
    }

    /** The values {@code path} selects in {@code body}, in order; empty when a field on the way is absent. */
    static List<JsonNode> select(JsonNode body, String path) {
        JsonNode exact = body.get(path);
        if (exact != null && !exact.isMissingNode()) {
            return List.of(exact);
        }
        if (!isStructured(path)) {
            return List.of();
        }
        List<JsonNode> current = List.of(body);
        for (String step : path.split("\\.", -1)) {
            String field = step;
            @Nullable String index = null;
            int bracket = step.indexOf('[');
            if (bracket >= 0) {
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

    private static final String STEP = "[A-Za-z_][A-Za-z0-9_]*(\\[(\\*|[0-9]{1,9})])?";

    private static boolean isStructured(String path) {
        for (String step : path.split("\\.", -1)) {
            if (!step.matches(STEP)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Check a path's form: empty when it is a structured path or an exact field name; otherwise the
     * problem (a path with brackets must be dotted names, each with an optional [*] or [N]).
     */
    public static String problemWith(String path) {
        if (path.isEmpty()) {
            return "a field path must not be empty";
        }
        if (path.indexOf('[') < 0 && path.indexOf(']') < 0) {
            return "";
        }
        for (String step : path.split("\\.", -1)) {
            if (!step.matches(STEP)) {
                return "\"%s\" in field path %s is not a field name with an optional [*] or [N]".formatted(step, path);
            }
        }
        return "";
    }
}
