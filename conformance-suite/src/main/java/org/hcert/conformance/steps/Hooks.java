package org.hcert.conformance.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Bind each scenario to its clause before its steps; judge it, and make a live robot ready again, after. */
public final class Hooks {

    private final ScenarioState state;

    public Hooks(ScenarioState state) {
        this.state = state;
    }

    @Before(order = 0)
    public void bindClause(Scenario scenario) {
        state.bind(scenario);
    }

    /** The scenario's verdict, once every step has run (Cucumber runs after-hooks of higher order first). */
    @After(order = 20_000)
    public void judge() {
        state.finish();
    }

    /** After each live scenario, release the e-stop and make the robot ready for the next one. */
    @After(order = 10_000)
    public void restoreTheRobot() {
        state.live().ifPresent(s -> {
            try {
                s.restore();
            } catch (RuntimeException e) {
                state.run().reportTelemetryProblem("could not make the robot ready after the scenario: " + e.getMessage());
            }
        });
    }
}
