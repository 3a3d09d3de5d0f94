package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * Compare message bodies field by field across encodings: numbers by value (a float32 field by
 * its float value), null and NaN alike, field order ignored. Fields only in {@code actual} are
 * allowed (a conversion fills in what the original left out).
 */
public final class SameFields {

    private SameFields() {}

    /** The first difference, as {@code path: expected X, got Y}, or empty when {@code actual} has every field of {@code expected}. */
    public static Optional<String> difference(JsonNode expected, JsonNode actual) {
        return diff("", expected, actual);
    }

    private static Optional<String> diff(String path, JsonNode e, JsonNode a) {
        if (e.isObject() && a.isObject()) {
            for (Map.Entry<String, JsonNode> f : e.properties()) {
                Optional<String> d = diff(path + "/" + f.getKey(), f.getValue(), a.path(f.getKey()));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (e.isArray() && a.isArray() && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                Optional<String> d = diff(path + "/" + i, e.get(i), a.get(i));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        return sameScalar(e, a) ? Optional.empty() : Optional.of("%s: expected %s, got %s".formatted(path, e, a));
    }

    private static boolean sameScalar(JsonNode e, JsonNode a) {
        if (isNaN(e) || isNaN(a)) {
            return isNaN(e) && isNaN(a);
        }
        if (e.isNumber() && a.isNumber()) {
            if (e.isFloat() || a.isFloat()) {
                return Float.compare(e.floatValue(), a.floatValue()) == 0;
            }
            if (e.isIntegralNumber() && a.isIntegralNumber()) {
                return e.bigIntegerValue().equals(a.bigIntegerValue());
            }
            return Double.compare(e.doubleValue(), a.doubleValue()) == 0;
        }
        return e.equals(a);
    }

    private static boolean isNaN(JsonNode n) {
        return n.isNull() || (n.isFloatingPointNumber() && Double.isNaN(n.doubleValue()));
    }
}
