package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/** Steps of the stop-response family: a stop input asserts; standstill and drive power follow. */
public final class StopResponseSteps {

    private static final String FAMILY = "stop-response";

    private final ScenarioState state;

    public StopResponseSteps(ScenarioState state) {
        this.state = state;
    }

    @When("{trigger} is asserted")
    @FamilyStep(family = FAMILY, option = "trigger")
    public void triggerIsAsserted(Trigger trigger) {
        state.gather(FAMILY, Map.of("trigger", trigger.key()));
    }

    @When("{trigger} occurs")
    @FamilyStep(family = FAMILY, option = "trigger")
    public void triggerOccurs(Trigger trigger) {
        state.gather(FAMILY, Map.of("trigger", trigger.key()));
    }

    @Then("all joints and the base reach standstill within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "stopTime")
    public void standstillWithin(String limit) {
        state.judge(FAMILY, "stopTime", limit);
    }

    @Then("drive power is removed by the end of the stop, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "driveEnabledAtEnd")
    public void drivePowerRemoved(String limit) {
        state.judge(FAMILY, "driveEnabledAtEnd", limit);
    }

    @Then("no fault is raised during the stop, within the limit {string}")
    @FamilyStep(family = FAMILY, limit = "faultEvents")
    public void noFaultRaised(String limit) {
        state.judge(FAMILY, "faultEvents", limit);
    }
}
