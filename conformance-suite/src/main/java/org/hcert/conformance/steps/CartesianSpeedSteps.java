package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the cartesian-speed family: the speed of hand, tool and link frames while the robot is in a mode. */
public final class CartesianSpeedSteps {

    private static final String FAMILY = "cartesian-speed";

    private final ScenarioState state;

    public CartesianSpeedSteps(ScenarioState state) {
        this.state = state;
    }

    @When("a hand moves in manual reduced-speed mode")
    @FamilyStep(family = FAMILY)
    public void aHandMovesInReducedSpeedMode() {
        state.gather(FAMILY, Map.of("window", "mode-span", "mode", "manual_reduced"));
    }

    @When("a hand is commanded faster than the safe speed limit in manual reduced-speed mode")
    @FamilyStep(family = FAMILY)
    public void aHandIsCommandedTooFast() {
        state.gather(FAMILY, Map.of("window", "over-limit-demand", "mode", "manual_reduced"));
    }

    @Then("every frame's Cartesian speed stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "frameSpeed")
    public void everyFrameWithin(String limit) {
        state.judge(FAMILY, "frameSpeed", limit);
    }

    @Then("no frame passes the safe speed limit by more than the limit {string}")
    @FamilyStep(family = FAMILY, limit = "frameSpeedOverSafeLimit")
    public void noFramePassesTheSafeLimit(String limit) {
        state.judge(FAMILY, "frameSpeedOverSafeLimit", limit);
    }

    @Then("the robot logs that it limited the speed, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "limitingEventLogged")
    public void theRobotLogsIt(String limit) {
        state.judge(FAMILY, "limitingEventLogged", limit);
    }
}
