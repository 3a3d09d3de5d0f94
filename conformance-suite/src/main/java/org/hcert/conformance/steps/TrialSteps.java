package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the trials family: repeated trials judged by a one-sided confidence bound. */
public final class TrialSteps {

    private static final String FAMILY = "trials";

    private final ScenarioState state;

    public TrialSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot is stopped several times while walking at its rated speed")
    @FamilyStep(family = FAMILY)
    public void stoppedRepeatedly() {
        state.gather(FAMILY, Map.of("trial", "stop-at-speed"));
    }

    @When("the robot walks a measured straight segment several times")
    @FamilyStep(family = FAMILY)
    public void walksRepeatedly() {
        state.gather(FAMILY, Map.of("trial", "straight-segment"));
    }

    @Then("the stopping distance over the trials stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "stoppingDistance")
    public void stoppingDistanceWithin(String limit) {
        state.judge(FAMILY, "stoppingDistance", limit);
    }

    @Then("the stopping time over the trials stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "stoppingTime")
    public void stoppingTimeWithin(String limit) {
        state.judge(FAMILY, "stoppingTime", limit);
    }

    @Then("the walking speed over the trials meets the limit {string}")
    @FamilyStep(family = FAMILY, limit = "segmentSpeed")
    public void segmentSpeedMeets(String limit) {
        state.judge(FAMILY, "segmentSpeed", limit);
    }
}
