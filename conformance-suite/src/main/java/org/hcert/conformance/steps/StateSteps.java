package org.hcert.conformance.steps;

import io.cucumber.java.en.Given;

/**
 * Bring the robot into a state before a clause's trigger: on a live robot the harness commands it;
 * on a recording the family's metric selects the windows in which the robot was in that state.
 */
public final class StateSteps {

    private final ScenarioState state;

    public StateSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("the robot is walking")
    public void theRobotIsWalking() {
        state.live().ifPresent(s -> s.walk());
    }

    @Given("the robot is standing")
    public void theRobotIsStanding() {
        // A robot that has started stands; nothing to command, but its standing is captured.
        state.live().ifPresent(s -> s.stand());
    }
}
