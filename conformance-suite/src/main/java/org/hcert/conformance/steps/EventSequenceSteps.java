package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * Steps of the event-sequence family: an event opens a window; within it a guarded event comes only
 * as the rule permits, and the safety state holds. The clause's options name the events.
 */
public final class EventSequenceSteps {

    private static final String FAMILY = "event-sequence";

    private final ScenarioState state;

    public EventSequenceSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the robot goes through the sequence that {event} opens")
    @FamilyStep(family = FAMILY, option = "opens")
    public void sequenceOpenedBy(String event) {
        state.gather(FAMILY, Map.of("opens", event));
    }

    @Then("no event comes that the sequence does not permit, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "unpermittedEvents")
    public void noUnpermittedEvent(String limit) {
        state.judge(FAMILY, "unpermittedEvents", limit);
    }

    @Then("the safety state holds throughout the sequence, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "stateLapses")
    public void stateHolds(String limit) {
        state.judge(FAMILY, "stateLapses", limit);
    }
}
