package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the joint-range family: every joint within its declared soft limits. */
public final class JointRangeSteps {

    private static final String FAMILY = "joint-range";

    private final ScenarioState state;

    public JointRangeSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot performs its test motion")
    @FamilyStep(family = FAMILY)
    public void theRobotPerformsItsTestMotion() {
        state.gather(FAMILY, Map.of());
    }

    @Then("every joint position stays within its declared soft limits, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "jointOverrun")
    public void everyJointWithinLimits(String limit) {
        state.judge(FAMILY, "jointOverrun", limit);
    }
}
