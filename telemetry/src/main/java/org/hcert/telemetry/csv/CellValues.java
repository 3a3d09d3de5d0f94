package org.hcert.telemetry.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cell text for JSON values and back. Numbers are written in plain notation where that is short
 * (spreadsheets read both); JSON {@code null} (hcert's NaN) is written {@code NaN}; empty arrays
 * and objects are {@code []} and {@code {}}. Strings are quoted by the writer's CSV generator.
 */
final class CellValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private CellValues() {}

    /**
     * The cell text of a leaf value other than a string (a number, boolean, JSON {@code null}, or an
     * empty array or object), written without quotes.
     */
    static String format(JsonNode value) {
        if (value.isNull()) {
            return "NaN";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isObject()) {
            return "{}";
        }
        if (value.isFloat()) {
            return plain(Float.toString(value.floatValue()));
        }
        if (value.isFloatingPointNumber()) {
            return plain(Double.toString(value.doubleValue()));
        }
        return value.asText();
    }

    /** Rewrite Java's {@code 1.0E-5} as {@code 0.00001}, leaving very large or small exponents alone. */
    private static String plain(String javaText) {
        int e = javaText.indexOf('E');
        if (e < 0 || Math.abs(Integer.parseInt(javaText.substring(e + 1))) > 20) {
            return javaText;
        }
        String plain = new BigDecimal(javaText).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /**
     * The value of a cell in a field of ROS type {@code rosType} ({@code float64}, {@code string},
     * …), or of a field without definition when {@code rosType} is empty (then a quoted cell is a
     * string and an unquoted one a boolean, number or string, whichever it reads as).
     *
     * @return the value, or empty when the cell cannot be read as {@code rosType}; the message
     *     says what was expected
     */
    static Optional<JsonNode> parse(String text, boolean quoted, Optional<String> rosType) {
        if (rosType.isEmpty()) {
            return Optional.of(quoted ? NODES.textNode(text) : inferred(text));
        }
        return switch (rosType.get()) {
            case "string", "wstring" -> Optional.of(NODES.textNode(text));
            case "bool" -> bool(text.strip());
            case "float32", "float64" -> floating(text.strip()).map(NODES::numberNode);
            default -> integer(text.strip()).map(CellValues::integerNode);
        };
    }

    /** What a cell of {@code rosType} must look like, for error messages. */
    static String expected(String rosType) {
        return switch (rosType) {
            case "bool" -> "true, false, 1 or 0 (bool)";
            case "float32", "float64" -> "a number or NaN (%s)".formatted(rosType);
            default -> "an integer (%s)".formatted(rosType);
        };
    }

    private static JsonNode inferred(String text) {
        String t = text.strip();
        if (t.equals("true") || t.equals("false")) {
            return NODES.booleanNode(t.equals("true"));
        }
        Optional<JsonNode> number = INTEGER.matcher(t).matches()
                ? integer(t).map(CellValues::integerNode)
                : floating(t).<JsonNode>map(NODES::numberNode);
        return number.orElseGet(() -> NODES.textNode(text));
    }

    /** The smallest node that holds {@code v}, as Jackson's parser would produce: int, long or BigInteger. */
    private static JsonNode integerNode(BigInteger v) {
        if (v.bitLength() < 32) {
            return NODES.numberNode(v.intValue());
        }
        return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
    }

    private static Optional<JsonNode> bool(String t) {
        if (t.equalsIgnoreCase("true") || t.equals("1")) {
            return Optional.of(NODES.booleanNode(true));
        }
        if (t.equalsIgnoreCase("false") || t.equals("0")) {
            return Optional.of(NODES.booleanNode(false));
        }
        return Optional.empty();
    }

    private static Optional<Double> floating(String t) {
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Optional.of(Double.NaN);
            case "inf", "+inf", "infinity", "+infinity":
                return Optional.of(Double.POSITIVE_INFINITY);
            case "-inf", "-infinity":
                return Optional.of(Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<BigInteger> integer(String t) {
        if (!INTEGER.matcher(t).matches()) {
            return Optional.empty();
        }
        BigInteger v = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        return v.compareTo(LONG_MIN) < 0 || v.compareTo(UINT64_MAX) > 0 ? Optional.empty() : Optional.of(v);
    }
}
