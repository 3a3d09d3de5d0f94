package org.hcert.simulator.demo;

import java.util.List;

/**
 * A JSON object written in insertion order, with numbers in fixed decimals (see {@link Decimal}),
 * so that output is byte-for-byte reproducible.
 */
final class JsonObject {

    private final StringBuilder sb = new StringBuilder(256).append('{');

    JsonObject put(String key, String text) {
        return raw(key, quote(text));
    }

    JsonObject put(String key, long value) {
        return raw(key, Long.toString(value));
    }

    JsonObject put(String key, boolean value) {
        return raw(key, Boolean.toString(value));
    }

    JsonObject put(String key, double value, int decimals) {
        return raw(key, Decimal.fixed(value, decimals));
    }

    JsonObject put(String key, JsonObject value) {
        return raw(key, value.toString());
    }

    JsonObject putNull(String key) {
        return raw(key, "null");
    }

    JsonObject putStrings(String key, List<String> values) {
        StringBuilder a = new StringBuilder("[");
        for (String v : values) {
            a.append(a.length() > 1 ? "," : "").append(quote(v));
        }
        return raw(key, a.append(']').toString());
    }

    JsonObject putNumbers(String key, double[] values, int decimals) {
        StringBuilder a = new StringBuilder(values.length * 10).append('[');
        for (int i = 0; i < values.length; i++) {
            a.append(i > 0 ? "," : "").append(Decimal.fixed(values[i], decimals));
        }
        return raw(key, a.append(']').toString());
    }

    private JsonObject raw(String key, String json) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append(quote(key)).append(':').append(json);
        return this;
    }

    /** The object as compact JSON text. */
    @Override
    public String toString() {
        return sb + "}";
    }

    static String quote(String text) {
        StringBuilder q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append("\\u%04x".formatted((int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
