package org.hcert.simulator;

import java.util.Locale;

/** Left or right, for hands and wrists. */
public enum Side {
    LEFT,
    RIGHT;

    /** {@code left} or {@code right}, as in topic and joint names. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The side's place in a left-then-right list: 0 for left, 1 for right. */
    int index() {
        return this == LEFT ? 0 : 1;
    }
}
