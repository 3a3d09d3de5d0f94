package org.hcert.conformance.live;

import java.time.Duration;
import org.hcert.conformance.verdict.InsufficientEvidenceException;

/** No operator ({@code --non-interactive}): every manual step is INCONCLUSIVE with the reason. */
public final class NonInteractiveOperator implements Operator {

    @Override
    public Confirmation ask(String instruction, Duration timeout) {
        throw new InsufficientEvidenceException(
                "this step needs the operator (\"%s\") and the run is non-interactive".formatted(instruction));
    }
}
