package org.hcert.conformance.verdict;

/** The outcome of one clause or scenario, as docs/architecture.md defines it. */
public enum Verdict {
    /** Measured within limit, evidence complete. Allure: passed. */
    PASS,
    /** Measured outside limit. Allure: failed. */
    FAIL,
    /** Evidence missing, too short, corrupt, or link lost. Allure: broken. */
    INCONCLUSIVE,
    /** The clause does not apply to this robot; the reason is recorded. Allure: skipped. */
    NOT_APPLICABLE;

    /**
     * Combine the verdicts of several scenarios of one clause: any FAIL fails the clause, then any
     * INCONCLUSIVE makes it inconclusive, NOT_APPLICABLE only when every scenario is.
     */
    public Verdict and(Verdict other) {
        if (this == FAIL || other == FAIL) {
            return FAIL;
        }
        if (this == INCONCLUSIVE || other == INCONCLUSIVE) {
            return INCONCLUSIVE;
        }
        if (this == NOT_APPLICABLE) {
            return other;
        }
        return other == NOT_APPLICABLE ? this : PASS;
    }
}
