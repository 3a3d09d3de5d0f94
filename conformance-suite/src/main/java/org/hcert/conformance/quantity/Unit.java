package org.hcert.conformance.quantity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The units profiles may use, each with its dimension and its factor to the dimension's SI unit.
 * Temperatures are in degrees Celsius only (no offset to convert).
 */
public enum Unit {
    SECOND(Dimension.TIME, 1, "s"),
    MILLISECOND(Dimension.TIME, 1e-3, "ms"),
    MICROSECOND(Dimension.TIME, 1e-6, "us", "µs"),
    MINUTE(Dimension.TIME, 60, "min"),
    HOUR(Dimension.TIME, 3600, "h"),
    /** A year of 8760 h, as ISO 13849-1 counts an MTTF_D in years. */
    YEAR(Dimension.TIME, 8760 * 3600.0, "a", "y"),
    METRE(Dimension.LENGTH, 1, "m"),
    CENTIMETRE(Dimension.LENGTH, 1e-2, "cm"),
    MILLIMETRE(Dimension.LENGTH, 1e-3, "mm"),
    RADIAN(Dimension.ANGLE, 1, "rad"),
    DEGREE(Dimension.ANGLE, Math.PI / 180, "deg", "°"),
    METRE_PER_SECOND(Dimension.SPEED, 1, "m/s"),
    MILLIMETRE_PER_SECOND(Dimension.SPEED, 1e-3, "mm/s"),
    KILOMETRE_PER_HOUR(Dimension.SPEED, 1 / 3.6, "km/h"),
    RADIAN_PER_SECOND(Dimension.ANGULAR_SPEED, 1, "rad/s"),
    DEGREE_PER_SECOND(Dimension.ANGULAR_SPEED, Math.PI / 180, "deg/s", "°/s"),
    METRE_PER_SECOND_SQUARED(Dimension.ACCELERATION, 1, "m/s2", "m/s²"),
    NEWTON(Dimension.FORCE, 1, "N"),
    NEWTON_METRE(Dimension.TORQUE, 1, "N·m", "Nm", "N*m"),
    PASCAL(Dimension.PRESSURE, 1, "Pa"),
    KILOPASCAL(Dimension.PRESSURE, 1e3, "kPa"),
    NEWTON_PER_SQUARE_CENTIMETRE(Dimension.PRESSURE, 1e4, "N/cm2", "N/cm²"),
    DEGREE_CELSIUS(Dimension.TEMPERATURE, 1, "degC", "°C"),
    RATIO(Dimension.RATIO, 1, "ratio"),
    PERCENT(Dimension.RATIO, 1e-2, "%"),
    HERTZ(Dimension.FREQUENCY, 1, "Hz"),
    VOLT(Dimension.VOLTAGE, 1, "V"),
    AMPERE(Dimension.CURRENT, 1, "A"),
    KILOGRAM(Dimension.MASS, 1, "kg"),
    JOULE(Dimension.ENERGY, 1, "J"),
    WATT_HOUR(Dimension.ENERGY, 3600, "Wh"),
    NEWTON_SECOND(Dimension.IMPULSE, 1, "N·s", "Ns", "N*s"),
    PER_HOUR(Dimension.RATE_PER_HOUR, 1, "1/h"),
    COUNT(Dimension.COUNT, 1, "count"),
    /** A performance level: its value is the level's rank, written as the letter (see {@link PerformanceLevel}). */
    PERFORMANCE_LEVEL(Dimension.PERFORMANCE_LEVEL, 1, "PL");

    private final Dimension dimension;
    private final double toSi;
    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<String> symbols;

    Unit(Dimension dimension, double toSi, String... symbols) {
        this.dimension = dimension;
        this.toSi = toSi;
        this.symbols = List.of(symbols);
    }

    /** The unit a profile names by {@code symbol} (e.g. {@code ms}, {@code deg}, {@code %}), if hcert knows it. */
    public static Optional<Unit> parse(String symbol) {
        String s = symbol.strip();
        return Arrays.stream(values()).filter(u -> u.symbols.contains(s)).findFirst();
    }

    /** Every symbol hcert accepts, for messages. */
    public static List<String> knownSymbols() {
        return Arrays.stream(values()).map(Unit::symbol).toList();
    }

    public Dimension dimension() {
        return dimension;
    }

    /** The symbol hcert writes, e.g. {@code ms}. */
    public String symbol() {
        return symbols.get(0);
    }

    /** Convert {@code value} in this unit to the dimension's SI unit. */
    public double toSi(double value) {
        return value * toSi;
    }

    /** Convert {@code valueSi} in the dimension's SI unit to this unit. */
    public double fromSi(double valueSi) {
        return valueSi / toSi;
    }

    /** Whether a value of this unit is an ordinal (a rank written as a name), not a number. */
    public boolean isOrdinal() {
        return dimension == Dimension.PERFORMANCE_LEVEL;
    }

    /**
     * {@code value} in this unit for people: {@code 600 ms}, or for a performance level its letter,
     * {@code PL d} (a value that is no level's rank reads {@code PL ?}).
     */
    public String format(double value) {
        if (isOrdinal()) {
            return "PL " + PerformanceLevel.ofRank(value).map(PerformanceLevel::letter).orElse("?");
        }
        return Quantity.format(value) + " " + symbol();
    }

    @Override
    public String toString() {
        return symbol();
    }
}
