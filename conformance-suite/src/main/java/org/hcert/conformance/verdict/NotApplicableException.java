package org.hcert.conformance.verdict;

import org.opentest4j.TestAbortedException;

/**
 * The clause does not apply to this robot: the verdict NOT APPLICABLE, reported by Cucumber as
 * skipped and by Allure as <em>skipped</em>.
 */
public final class NotApplicableException extends TestAbortedException {

    public NotApplicableException(String reason) {
        super(reason);
    }
}
