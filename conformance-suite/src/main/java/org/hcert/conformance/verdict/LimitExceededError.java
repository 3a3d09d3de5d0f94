package org.hcert.conformance.verdict;

/**
 * A measured value lies outside its limit: the verdict FAIL. Being an {@link AssertionError}, it is
 * reported by Cucumber as failed and by Allure as <em>failed</em>.
 */
public final class LimitExceededError extends AssertionError {

    private final transient Measurement measurement;

    public LimitExceededError(Measurement measurement) {
        super(measurement.describe());
        this.measurement = measurement;
    }

    public Measurement measurement() {
        return measurement;
    }
}
