package org.hcert.conformance.verdict;

/**
 * The evidence is missing, too short, corrupt, or the link was lost: the verdict INCONCLUSIVE. Not
 * being an assertion, it is reported by Allure as <em>broken</em>, never as passed or failed.
 */
public final class InsufficientEvidenceException extends RuntimeException {

    public InsufficientEvidenceException(String reason) {
        super(reason);
    }

    public InsufficientEvidenceException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
