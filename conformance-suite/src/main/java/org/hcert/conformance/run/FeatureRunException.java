package org.hcert.conformance.run;

/** The features could not be discovered or run at all (as opposed to a scenario's verdict). */
public final class FeatureRunException extends RuntimeException {

    public FeatureRunException(String message) {
        super(message);
    }
}
