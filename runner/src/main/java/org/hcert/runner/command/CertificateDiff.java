package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.runner.UsageException;

/**
 * Two certificates compared clause by clause: clauses whose verdict got worse (regressed) or better
 * (fixed), and measurements whose value moved by more than a tolerance, matched by clause, quantity
 * and subject (the worst of each, for two runs), or also by the start of their window (the same
 * window judged twice, for a replay of one run; a window only one of them judged is listed apart). Verdicts are ordered PASS,
 * NOT_APPLICABLE, INCONCLUSIVE, FAIL.
 *
 * @param regressed clause ids whose verdict got worse, with "A -> B"
 * @param fixed clause ids whose verdict got better
 * @param changedValues measurements whose value moved beyond the tolerance
 * @param windowsOnlyInA measurements of windows only the first certificate judged
 * @param windowsOnlyInB measurements of windows only the second certificate judged
 * @param onlyInA clauses that only the first certificate has
 * @param onlyInB clauses that only the second certificate has
 * @param same how many clauses have the same verdict and values within the tolerance
 */
record CertificateDiff(List<Change> regressed, List<Change> fixed, List<ValueChange> changedValues, List<ValueChange> windowsOnlyInA,
        List<ValueChange> windowsOnlyInB, List<String> onlyInA, List<String> onlyInB, int same) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORDER = List.of("PASS", "NOT_APPLICABLE", "INCONCLUSIVE", "FAIL");

    /** A clause whose verdict changed. */
    record Change(String clause, String from, String to) {}

    /** A measurement whose value moved. */
    record ValueChange(String clause, String quantity, String subject, double from, double to, String unit) {}

    /** Whether anything differs. */
    boolean differs() {
        return !regressed.isEmpty() || !fixed.isEmpty() || !changedValues.isEmpty() || !windowsOnlyInA.isEmpty()
                || !windowsOnlyInB.isEmpty() || !onlyInA.isEmpty() || !onlyInB.isEmpty();
    }

    /**
     * Read a certificate: {@code path} is a report folder or a certificate file.
     *
     * @throws UsageException naming the file when it is missing or not a certificate
     */
    static JsonNode read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("certificate.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new UsageException("%s: no certificate there%s".formatted(file, Files.isDirectory(path)
                    ? " (the run did not finish, or this is not a report folder)" : ""));
        }
        try {
            JsonNode c = JSON.readTree(file.toFile());
            if (!c.path("clauses").isArray()) {
                throw new UsageException("%s: not an hcert certificate (no clauses)".formatted(file));
            }
            return c;
        } catch (IOException e) {
            throw new UsageException("cannot read %s: %s".formatted(file, RunFolder.why(e)));
        }
    }

    /**
     * Compare {@code a} with {@code b}; a value moved when {@code |b - a| > tolerance * max(|a|, |b|)}
     * (so 0 asks for equality), NaN (no value) against a number counting as moved.
     */
    static CertificateDiff of(JsonNode a, JsonNode b, double tolerance, boolean byWindow) {
        Map<String, JsonNode> ca = byId(a);
        Map<String, JsonNode> cb = byId(b);
        List<Change> regressed = new ArrayList<>();
        List<Change> fixed = new ArrayList<>();
        List<ValueChange> values = new ArrayList<>();
        List<ValueChange> windowsA = new ArrayList<>();
        List<ValueChange> windowsB = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        int same = 0;
        for (Map.Entry<String, JsonNode> e : ca.entrySet()) {
            JsonNode y = cb.get(e.getKey());
            if (y == null) {
                onlyA.add(e.getKey());
                continue;
            }
            String va = e.getValue().path("verdict").asText();
            String vb = y.path("verdict").asText();
            int d = Integer.compare(ORDER.indexOf(vb), ORDER.indexOf(va));
            if (d > 0) {
                regressed.add(new Change(e.getKey(), va, vb));
            } else if (d < 0) {
                fixed.add(new Change(e.getKey(), va, vb));
            }
            List<ValueChange> moved = moved(e.getKey(), e.getValue(), y, tolerance, byWindow, windowsA, windowsB);
            values.addAll(moved);
            if (d == 0 && moved.isEmpty()) {
                same++;
            }
        }
        List<String> onlyB = cb.keySet().stream().filter(id -> !ca.containsKey(id)).toList();
        return new CertificateDiff(regressed, fixed, values, windowsA, windowsB, onlyA, onlyB, same);
    }

    private static Map<String, JsonNode> byId(JsonNode certificate) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        certificate.path("clauses").forEach(c -> out.put(c.path("id").asText(), c));
        return out;
    }

    /** The measurements of one clause, by quantity and subject (the first, the worst, of each), and by window start too when asked. */
    private static Map<String, JsonNode> measurements(JsonNode clause, boolean byWindow) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        clause.path("measurements").forEach(m -> out.putIfAbsent(m.path("quantity").asText() + "\u0000" + m.path("subject").asText("")
                + (byWindow ? "\u0000" + m.path("window").path("startNs").asText("") : ""), m));
        return out;
    }

    private static List<ValueChange> moved(String id, JsonNode a, JsonNode b, double tolerance, boolean byWindow,
            List<ValueChange> windowsA, List<ValueChange> windowsB) {
        Map<String, JsonNode> ma = measurements(a, byWindow);
        Map<String, JsonNode> mb = measurements(b, byWindow);
        Set<String> keys = new LinkedHashSet<>(ma.keySet());
        keys.addAll(mb.keySet());
        List<ValueChange> out = new ArrayList<>();
        for (String k : keys) {
            JsonNode from = ma.get(k);
            JsonNode to = mb.get(k);
            if (byWindow && (from == null || to == null)) {
                JsonNode only = from != null ? from : to;
                if (only != null) {
                    double v = value(only);
                    String subject = only.path("subject").asText("");
                    String at = "window from " + only.path("window").path("start").asText("?");
                    (from != null ? windowsA : windowsB).add(new ValueChange(id, only.path("quantity").asText(),
                            subject.isEmpty() ? at : subject + ", " + at, v, v, only.path("unit").asText("")));
                }
                continue;
            }
            double x = value(from);
            double y = value(to);
            boolean moved = Double.isNaN(x) != Double.isNaN(y)
                    || (!Double.isNaN(x) && Math.abs(y - x) > tolerance * Math.max(Math.abs(x), Math.abs(y)));
            JsonNode any = from != null ? from : to;
            if (moved && any != null) {
                out.add(new ValueChange(id, any.path("quantity").asText(), any.path("subject").asText(""), x, y, any.path("unit").asText("")));
            }
        }
        return out;
    }

    private static double value(@org.jspecify.annotations.Nullable JsonNode m) {
        return m == null || !m.path("measured").isNumber() ? Double.NaN : m.path("measured").asDouble();
    }

    /** The comparison as JSON, for tools. */
    ObjectNode toJson(String a, String b, double tolerance) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("a", a).put("b", b).put("tolerance", tolerance).put("sameClauses", same);
        ArrayNode r = o.putArray("regressed");
        regressed.forEach(c -> r.addObject().put("clause", c.clause()).put("from", c.from()).put("to", c.to()));
        ArrayNode f = o.putArray("fixed");
        fixed.forEach(c -> f.addObject().put("clause", c.clause()).put("from", c.from()).put("to", c.to()));
        ArrayNode v = o.putArray("changedValues");
        for (ValueChange c : changedValues) {
            ObjectNode n = v.addObject().put("clause", c.clause()).put("quantity", c.quantity()).put("subject", c.subject()).put("unit", c.unit());
            putNumber(n, "from", c.from());
            putNumber(n, "to", c.to());
        }
        ArrayNode wa = o.putArray("windowsOnlyInA");
        windowsOnlyInA.forEach(c -> putNumber(wa.addObject().put("clause", c.clause()).put("quantity", c.quantity())
                .put("subject", c.subject()).put("unit", c.unit()), "value", c.from()));
        ArrayNode wb = o.putArray("windowsOnlyInB");
        windowsOnlyInB.forEach(c -> putNumber(wb.addObject().put("clause", c.clause()).put("quantity", c.quantity())
                .put("subject", c.subject()).put("unit", c.unit()), "value", c.from()));
        o.set("onlyInA", JSON.valueToTree(onlyInA));
        o.set("onlyInB", JSON.valueToTree(onlyInB));
        return o;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    /** The comparison as lines of text. */
    List<String> toLines() {
        List<String> out = new ArrayList<>();
        regressed.forEach(c -> out.add("regressed  %-12s %s -> %s".formatted(c.clause(), c.from(), c.to())));
        fixed.forEach(c -> out.add("fixed      %-12s %s -> %s".formatted(c.clause(), c.from(), c.to())));
        changedValues.forEach(c -> out.add("value      %-12s %s%s: %s -> %s %s".formatted(c.clause(), c.quantity(),
                c.subject().isEmpty() ? "" : " (" + c.subject() + ")", text(c.from()), text(c.to()), c.unit())));
        windowsOnlyInA.forEach(c -> out.add("window A   %-12s %s (%s): %s %s".formatted(c.clause(), c.quantity(), c.subject(),
                text(c.from()), c.unit())));
        windowsOnlyInB.forEach(c -> out.add("window B   %-12s %s (%s): %s %s".formatted(c.clause(), c.quantity(), c.subject(),
                text(c.from()), c.unit())));
        onlyInA.forEach(id -> out.add("only in A  " + id));
        onlyInB.forEach(id -> out.add("only in B  " + id));
        out.add("%d clause(s) the same, %d regressed, %d fixed, %d value(s) moved, %d window(s) judged by one only".formatted(same,
                regressed.size(), fixed.size(), changedValues.size(), windowsOnlyInA.size() + windowsOnlyInB.size()));
        return out;
    }

    private static String text(double v) {
        return Double.isNaN(v) ? "no value" : "%.6g".formatted(v);
    }
}
