package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * Steps of the provenance family: what the run's telemetry reports about where it came from is read
 * (on a live robot: every event since the session began, then half a second more), then each limit
 * the scenario names is judged.
 */
public final class ProvenanceSteps {

    private static final String FAMILY = "provenance";

    private final ScenarioState state;

    public ProvenanceSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the run's provenance is read")
    @FamilyStep(family = FAMILY)
    public void theProvenanceIsRead() {
        state.gather(FAMILY, Map.of());
    }

    @Then("the provenance meets the limit {string}")
    @FamilyStep(family = FAMILY, anyLimit = true)
    public void theProvenanceMeets(String limit) {
        state.judge(FAMILY, limit, limit);
    }
}
