package org.hcert.conformance.live;

import java.time.Duration;
import org.hcert.conformance.verdict.InsufficientEvidenceException;

/**
 * The person at the robot: steps that need a human ("press the emergency stop now") ask here.
 * An operator who does not confirm in time, or a run without an operator, makes the step
 * INCONCLUSIVE, never a pass.
 */
public interface Operator {

    /**
     * Ask the operator to do {@code instruction} and wait for the confirmation.
     *
     * @throws InsufficientEvidenceException when nobody confirms within {@code timeout}, the operator
     *     declines, or the run is non-interactive
     */
    Confirmation ask(String instruction, Duration timeout);
}
