package org.hcert.conformance.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import org.hcert.conformance.run.CertificationContext;

/** Steps shared by several clauses: bring the robot into a state, and restore it afterwards. */
public final class RobotSteps {

    @Given("the robot is walking")
    public void theRobotIsWalking() {
        // On a recording, the When-step selects the stops that asserted while the robot walked.
        ClauseLimits.current();
        Live.session().ifPresent(s -> s.walk());
    }

    /** After each live scenario, release the e-stop and make the robot ready for the next one. */
    @After
    public void restoreTheRobot() {
        Live.session().ifPresent(s -> {
            try {
                s.restore();
            } catch (RuntimeException e) {
                CertificationContext.current().reportTelemetryProblem(
                        "could not make the robot ready after the scenario: " + e.getMessage());
            }
        });
    }
}
