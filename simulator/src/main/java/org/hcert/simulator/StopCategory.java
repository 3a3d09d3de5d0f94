package org.hcert.simulator;

/** Stop categories of IEC 60204-1 §9.2.2. */
public enum StopCategory {
    /** Immediate removal of drive power: an uncontrolled stop; brakes hold the joints. */
    ZERO,
    /** Controlled stop with power available, then power removed at standstill. */
    ONE,
    /** Controlled stop with power left on. */
    TWO
}
