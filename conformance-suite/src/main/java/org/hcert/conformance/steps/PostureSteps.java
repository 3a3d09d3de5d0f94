package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the posture-after-stop family: no uncontrolled fall when a stop asserts while walking. */
public final class PostureSteps {

    private static final String FAMILY = "posture-after-stop";

    private final ScenarioState state;

    public PostureSteps(ScenarioState state) {
        this.state = state;
    }

    @When("{trigger} is asserted while it walks")
    @FamilyStep(family = FAMILY, option = "trigger")
    public void triggerWhileWalking(Trigger trigger) {
        state.gather(FAMILY, Map.of("trigger", trigger.key(), "while", "walking"));
    }

    @When("{trigger} occurs while it stands")
    @FamilyStep(family = FAMILY, option = "trigger")
    public void triggerWhileStanding(Trigger trigger) {
        state.gather(FAMILY, Map.of("trigger", trigger.key(), "while", "standing"));
    }

    @Then("the trunk tilt stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "trunkTilt")
    public void trunkTiltWithin(String limit) {
        state.judge(FAMILY, "trunkTilt", limit);
    }

    @Then("the pelvis height stays within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "pelvisHeightRatio")
    public void pelvisHeightWithin(String limit) {
        state.judge(FAMILY, "pelvisHeightRatio", limit);
    }
}
