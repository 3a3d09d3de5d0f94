package org.hcert.runner;

/** The command line asks for something impossible (a missing file, a bad option value): exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    private UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user's mistake that {@code e} reports (a bad URI, option or file), with its message. */
    public static UsageException of(RuntimeException e) {
        return new UsageException(java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }

    /** The message, never null: every UsageException is made with one. */
    @Override
    public String getMessage() {
        return java.util.Objects.requireNonNullElse(super.getMessage(), "usage error");
    }
}
