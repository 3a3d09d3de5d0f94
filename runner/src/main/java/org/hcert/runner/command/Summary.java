package org.hcert.runner.command;

import java.io.PrintWriter;
import java.util.List;
import org.hcert.conformance.run.ClauseVerdicts;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;
import org.hcert.conformance.verdict.Verdict;

/** Print the clause-by-clause result for the operator's console: verdict, measured value, limit. */
final class Summary {

    private Summary() {}

    static void print(PrintWriter out, List<ClauseResult> results, ClauseVerdicts.Overall overall) {
        for (ClauseResult r : results) {
            out.println("%-13s %-14s %s".formatted(r.clauseId(), r.verdict(), headline(r)).stripTrailing());
            for (Measurement m : r.measurements()) {
                out.println("%-28s %s".formatted("", line(m)));
            }
        }
        out.println("overall:      " + overall);
    }

    private static String headline(ClauseResult r) {
        return r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL ? "" : r.reason();
    }

    static String line(Measurement m) {
        return "%s: %s %s (limit %s %s %s, %s)%s".formatted(m.quantity(), Units.format(m.measured()), m.unit(),
                m.limit().comparison().symbol(), Units.format(m.limit().value()), m.unit(), m.limit().evidence(),
                m.withinLimit() ? "" : " OUTSIDE LIMIT");
    }
}
