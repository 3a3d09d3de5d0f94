package org.hcert.conformance.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.InsufficientEvidenceException;

/** Bind each scenario to its clause before its steps run. */
public final class Hooks {

    @Before(order = 0)
    public void bindClause(Scenario scenario) {
        CertificationContext context = CertificationContext.current();
        Clause clause = scenario.getSourceTagNames().stream()
                .map(t -> context.standard().clause(t.substring(1)))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(null);
        context.beginScenario(scenario.getId(), scenario.getUri() + ":" + scenario.getLine(), clause);
        if (clause == null) {
            throw new InsufficientEvidenceException("scenario %s is tagged with no clause of standard %s (tags %s)"
                    .formatted(scenario.getName(), context.standard().id(), scenario.getSourceTagNames()));
        }
    }
}
