package org.hcert.conformance.quantity;

import java.util.Arrays;
import java.util.List;

/** What kind of physical quantity a number is; each has one SI unit hcert computes in. */
public enum Dimension {
    TIME("time", "s"),
    LENGTH("length", "m"),
    ANGLE("angle", "rad"),
    SPEED("speed", "m/s"),
    ANGULAR_SPEED("angular speed", "rad/s"),
    ACCELERATION("acceleration", "m/s2"),
    FORCE("force", "N"),
    TORQUE("torque", "N·m"),
    PRESSURE("pressure", "Pa"),
    TEMPERATURE("temperature", "degC"),
    RATIO("ratio", "ratio"),
    FREQUENCY("frequency", "Hz"),
    VOLTAGE("voltage", "V"),
    CURRENT("current", "A"),
    MASS("mass", "kg"),
    ENERGY("energy", "J"),
    IMPULSE("impulse", "N·s"),
    RATE_PER_HOUR("rate per hour", "1/h"),
    COUNT("count", "count"),
    /**
     * An ISO 13849-1 performance level, a to e: an ordinal, not a physical quantity. hcert holds a
     * level as its rank (a = 1 … e = 5) only to compare two levels; it never adds, scales or averages
     * them, and it writes them as letters ({@link PerformanceLevel}).
     */
    PERFORMANCE_LEVEL("performance level", "PL");

    private final String description;
    private final String siSymbol;

    Dimension(String description, String siSymbol) {
        this.description = description;
        this.siSymbol = siSymbol;
    }

    /** In words, for messages: {@code angular speed}. */
    public String description() {
        return description;
    }

    /** In words with its article, for messages: {@code an angle}, {@code a time}. */
    public String withArticle() {
        return ("aeiou".indexOf(description.charAt(0)) >= 0 ? "an " : "a ") + description;
    }

    /** The unit hcert computes in. */
    public Unit si() {
        return Unit.parse(siSymbol).orElseThrow();
    }

    /** The units a profile may write a value of this dimension in. */
    public List<Unit> units() {
        return Arrays.stream(Unit.values()).filter(u -> u.dimension() == this).toList();
    }
}
