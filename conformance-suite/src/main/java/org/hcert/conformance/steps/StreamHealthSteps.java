package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * Steps of the stream-health family: each declared stream keeps its rate, fresh data, monotonic
 * stamps and one frame_id, and the streams' clocks agree. The Then-step judges whichever limit of
 * the family its scenario names.
 */
public final class StreamHealthSteps {

    private static final String FAMILY = "stream-health";

    private final ScenarioState state;

    public StreamHealthSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot's telemetry streams are observed")
    @FamilyStep(family = FAMILY)
    public void theStreamsAreObserved() {
        state.gather(FAMILY, Map.of());
    }

    @Then("every stream stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = FamilyStep.ANY)
    public void everyStreamWithin(String limit) {
        state.judge(FAMILY, FamilyStep.ANY, limit);
    }
}
