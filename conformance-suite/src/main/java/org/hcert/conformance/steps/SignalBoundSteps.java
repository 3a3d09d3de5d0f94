package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * Steps of the signal-bound family: a signal of each subject stays within a bound over the run. The
 * Then-step judges whichever limit of the family its scenario names, so a clause of this family
 * needs no step of its own.
 */
public final class SignalBoundSteps {

    private static final String FAMILY = "signal-bound";

    private final ScenarioState state;

    public SignalBoundSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot runs through its duty cycle")
    @FamilyStep(family = FAMILY)
    public void theRobotRunsThroughItsDutyCycle() {
        state.gather(FAMILY, Map.of());
    }

    @Then("every subject stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = FamilyStep.ANY)
    public void everySubjectWithin(String limit) {
        state.judge(FAMILY, FamilyStep.ANY, limit);
    }
}
