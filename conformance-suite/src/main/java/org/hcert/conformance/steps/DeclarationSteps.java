package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * Steps of the declaration family: the robot's declaration manifest is read (a live run only watches
 * the telemetry a check reads), then each limit the scenario names is judged.
 */
public final class DeclarationSteps {

    private static final String FAMILY = "declaration";

    private final ScenarioState state;

    public DeclarationSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot's declaration is read")
    @FamilyStep(family = FAMILY)
    public void theDeclarationIsRead() {
        state.gather(FAMILY, Map.of());
    }

    @Then("the declaration meets the limit {string}")
    @FamilyStep(family = FAMILY, anyLimit = true)
    public void theDeclarationMeets(String limit) {
        state.judge(FAMILY, limit, limit);
    }
}
