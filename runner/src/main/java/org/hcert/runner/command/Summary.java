package org.hcert.runner.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.run.ClauseVerdicts;
import org.hcert.conformance.run.FeatureChanges;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;

/**
 * Print the clause-by-clause result for the operator's console: verdict, and for each measured
 * quantity the worst value with its limit (the certificate keeps every measurement).
 */
final class Summary {

    private Summary() {}

    static void print(PrintWriter out, List<ClauseResult> results, List<String> contradictions,
            List<FeatureChanges.Change> featureChanges, ClauseVerdicts.Overall overall) {
        for (ClauseResult r : results) {
            out.println("%-13s %-14s %s".formatted(r.clauseId(), r.verdict(), headline(r)).stripTrailing());
            worstPerQuantity(r.measurements()).forEach((m, n) ->
                    out.println("%-28s %s%s".formatted("", m.headline(), n > 1 ? " (worst of %d)".formatted(n) : "")));
        }
        contradictions.forEach(c -> out.println("contradicted: " + c));
        featureChanges.forEach(c -> out.println("feature:      %s %s (not as bundled with hcert)".formatted(c.path(), c.change())));
        out.println("overall:      " + overall);
    }

    /** The worst measurement of each quantity (largest difference beyond the limit) and how many there were. */
    private static Map<Measurement, Integer> worstPerQuantity(List<Measurement> measurements) {
        Map<String, Measurement> worst = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            worst.merge(m.quantity(), m, (a, b) -> b.difference() > a.difference() ? b : a);
            counts.merge(m.quantity(), 1, Integer::sum);
        }
        Map<Measurement, Integer> out = new LinkedHashMap<>();
        worst.forEach((q, m) -> out.put(m, counts.get(q)));
        return out;
    }

    private static String headline(ClauseResult r) {
        return r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL ? "" : r.reason();
    }
}
