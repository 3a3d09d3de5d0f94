package org.hcert.runner;

/** The command line asks for something impossible (a missing file, a bad option value): exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
