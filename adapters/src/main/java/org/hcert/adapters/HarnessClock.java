package org.hcert.adapters;

/** The harness's clock, in nanoseconds since the Unix epoch; must not go backwards. */
@FunctionalInterface
public interface HarnessClock {

    /** Now, nanoseconds since the Unix epoch. */
    long nowNs();

    /**
     * The system clock read once at start-up, advanced by {@link System#nanoTime()}: monotonic,
     * with the wall clock's epoch (wall-clock steps after start-up are not followed).
     */
    static HarnessClock system() {
        return SystemHarnessClock.INSTANCE;
    }
}
