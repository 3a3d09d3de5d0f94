package org.hcert.conformance.run;

import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.plan.PlannedClause;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.EvidencePolicy;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;

/**
 * Combine the scenarios of each clause into the clause's verdict, and the clauses into the overall
 * result, by the rules of docs/architecture.md (Verdicts).
 */
public final class ClauseVerdicts {

    /** The overall result of a certification. */
    public enum Overall {
        /** Every applicable mandatory clause passed. */
        CONFORMANT,
        /** At least one clause failed. */
        NON_CONFORMANT,
        /** No failure, but some applicable mandatory clause did not pass. */
        INCOMPLETE
    }

    private ClauseVerdicts() {}

    /** One result per clause of the plan, in plan order. */
    public static List<ClauseResult> of(Plan plan, List<ScenarioOutcome> outcomes) {
        List<ClauseResult> results = new ArrayList<>();
        for (PlannedClause p : plan.clauses()) {
            String id = p.clause().id();
            if (!p.applicable()) {
                results.add(ClauseResult.notApplicable(id, p.reason()));
                continue;
            }
            if (!plan.runs(id)) {
                results.add(ClauseResult.inconclusive(id, List.of(), "not run: this development run selected only %s"
                        .formatted(plan.selection().map(sel -> sel.stream().sorted().toList().toString()).orElse("[]"))));
                continue;
            }
            List<ScenarioOutcome> mine = outcomes.stream().filter(o -> o.clauseId().equals(id)).toList();
            results.add(mine.isEmpty()
                    ? ClauseResult.inconclusive(id, List.of(), "no scenario in the features is tagged @" + id)
                    : combine(id, mine));
        }
        return results;
    }

    private static ClauseResult combine(String id, List<ScenarioOutcome> scenarios) {
        Verdict verdict = scenarios.get(0).verdict();
        for (ScenarioOutcome o : scenarios.subList(1, scenarios.size())) {
            verdict = verdict.and(o.verdict());
        }
        List<Measurement> measurements = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ScenarioOutcome o : scenarios) {
            measurements.addAll(o.measurements());
            reasons.add(scenarios.size() == 1 ? o.reason() : "%s: %s (%s)".formatted(o.name(), o.verdict(), o.reason()));
        }
        measurements.sort(EvidencePolicy.WORST_FIRST);
        return new ClauseResult(id, verdict, measurements, String.join("; ", reasons));
    }

    /** The overall result, with no contradiction between the declaration and the telemetry. */
    public static Overall overall(Plan plan, List<ClauseResult> results) {
        return overall(plan, results, List.of());
    }

    /**
     * The overall result: NON_CONFORMANT on any FAIL; CONFORMANT when every applicable mandatory
     * clause passed and nothing the telemetry shows contradicts the robot's declaration (a capability
     * used but not declared leaves clauses unchecked); INCOMPLETE otherwise.
     */
    public static Overall overall(Plan plan, List<ClauseResult> results, List<String> contradictions) {
        if (results.stream().anyMatch(r -> r.verdict() == Verdict.FAIL)) {
            return Overall.NON_CONFORMANT;
        }
        if (!contradictions.isEmpty()) {
            return Overall.INCOMPLETE;
        }
        boolean allPass = plan.applicable().stream()
                .filter(p -> p.clause().mandatory())
                .allMatch(p -> results.stream().anyMatch(r -> r.clauseId().equals(p.clause().id())
                        && r.verdict() == Verdict.PASS));
        return allPass && !plan.applicable().isEmpty() ? Overall.CONFORMANT : Overall.INCOMPLETE;
    }
}
