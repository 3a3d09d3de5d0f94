package org.hcert.conformance.steps;

import org.hcert.conformance.evidence.Evidence;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.LimitExceededError;
import org.hcert.conformance.verdict.Measurement;

/** Record a measurement in the run, show it in the report, and fail the step when it is outside its limit. */
final class Verdicts {

    private Verdicts() {}

    static void check(Measurement m) {
        if (CertificationContext.current().rehearsing()) {
            throw new Signals.Rehearsed();
        }
        CertificationContext.current().record(m);
        Evidence.show(m);
        if (!m.withinLimit()) {
            throw new LimitExceededError(m);
        }
    }
}
