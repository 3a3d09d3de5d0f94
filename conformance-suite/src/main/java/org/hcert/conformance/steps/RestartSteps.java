package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the no-restart-after-reset family: after a reset, nothing moves until an explicit start. */
public final class RestartSteps {

    private static final String FAMILY = "no-restart-after-reset";

    private final ScenarioState state;

    public RestartSteps(ScenarioState state) {
        this.state = state;
    }

    @When("the emergency stop is pressed, released and reset without a start command")
    @FamilyStep(family = FAMILY)
    public void pressedReleasedAndResetWithoutStart() {
        state.gather(FAMILY, Map.of("after", "estop-reset"));
    }

    @When("drive power is cut and restored without a start command")
    @FamilyStep(family = FAMILY)
    public void powerCutAndRestoredWithoutStart() {
        state.gather(FAMILY, Map.of("after", "power-restored"));
    }

    @Then("no joint moves until a start command, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "jointSpeedAfterReset")
    public void noJointMoves(String limit) {
        state.judge(FAMILY, "jointSpeedAfterReset", limit);
    }

    @Then("the base does not move until a start command, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "baseSpeedAfterReset")
    public void baseDoesNotMove(String limit) {
        state.judge(FAMILY, "baseSpeedAfterReset", limit);
    }

    @Then("the base does not turn until a start command, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "baseTurnRateAfterReset")
    public void baseDoesNotTurn(String limit) {
        state.judge(FAMILY, "baseTurnRateAfterReset", limit);
    }
}
