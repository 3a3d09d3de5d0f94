package org.hcert.conformance.run;

import java.util.List;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;

/**
 * How one scenario ended, as hcert judges it from Cucumber's result and the measurements taken.
 *
 * @param clauseId the clause the scenario is tagged with
 * @param name the scenario's name
 * @param location {@code feature-uri:line}
 * @param cucumberStatus Cucumber's own status (PASSED, FAILED, UNDEFINED, …)
 * @param verdict hcert's verdict
 * @param measurements measurements recorded by the scenario's steps
 * @param reason why, in a sentence
 */
public record ScenarioOutcome(
        String clauseId,
        String name,
        String location,
        String cucumberStatus,
        Verdict verdict,
        List<Measurement> measurements,
        String reason) {

    public ScenarioOutcome {
        measurements = List.copyOf(measurements);
    }
}
