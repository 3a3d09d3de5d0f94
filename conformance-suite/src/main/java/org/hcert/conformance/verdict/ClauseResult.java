package org.hcert.conformance.verdict;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on one clause with the measurements and the reason behind it.
 *
 * @param clauseId the clause, e.g. {@code SE-ESTOP-01}
 * @param verdict the verdict
 * @param measurements every measurement taken for the clause, within limit or not
 * @param reason why the verdict is what it is, in a sentence for people
 */
public record ClauseResult(String clauseId, Verdict verdict, List<Measurement> measurements, String reason) {

    public ClauseResult {
        Objects.requireNonNull(clauseId, "clauseId must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(reason, "reason must not be null");
        measurements = List.copyOf(measurements);
    }

    public static ClauseResult notApplicable(String clauseId, String reason) {
        return new ClauseResult(clauseId, Verdict.NOT_APPLICABLE, List.of(), reason);
    }

    public static ClauseResult inconclusive(String clauseId, List<Measurement> measurements, String reason) {
        return new ClauseResult(clauseId, Verdict.INCONCLUSIVE, measurements, reason);
    }
}
