package org.hcert.runner;

/** Exit codes of the hcert command line, as documented in README.md and docs/architecture.md. */
public final class ExitCodes {

    /** A command other than certify did what was asked (inspect, convert, profile init): {@value}. */
    public static final int OK = 0;
    /** Every applicable mandatory clause passed: {@value}. */
    public static final int CONFORMANT = 0;
    /** Internal error, a defect in hcert: {@value}. */
    public static final int INTERNAL_ERROR = 1;
    /** Usage or profile error: bad option, missing file, invalid profile: {@value}. */
    public static final int USAGE = 2;
    /** At least one clause failed: {@value}. */
    public static final int NON_CONFORMANT = 3;
    /** No failure, but some applicable clause is inconclusive: {@value}. */
    public static final int INCOMPLETE = 4;
    /** A report failed verification: {@value}. */
    public static final int VERIFY_FAILED = 5;

    private ExitCodes() {}
}
