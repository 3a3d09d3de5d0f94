package org.hcert.telemetry.ros;

import java.util.Optional;

/**
 * The primitive types of the two definition languages. The aliases {@code byte} and {@code char}
 * are mapped by {@link #forName}: in ROS 2 both are unsigned octets; in ROS 1 {@code byte} is
 * int8 and {@code char} is uint8.
 */
enum Primitive implements ElementType {
    BOOL("bool", 1),
    INT8("int8", 1),
    UINT8("uint8", 1),
    INT16("int16", 2),
    UINT16("uint16", 2),
    INT32("int32", 4),
    UINT32("uint32", 4),
    INT64("int64", 8),
    UINT64("uint64", 8),
    FLOAT32("float32", 4),
    FLOAT64("float64", 8),
    /** UTF-8 text; {@link #size} is that of its length prefix. */
    STRING("string", 4),
    /** ROS 2 wide text; {@link #size} is that of its length prefix. */
    WSTRING("wstring", 4),
    /** ROS 1 {@code time}: uint32 seconds and nanoseconds. */
    TIME("time", 8),
    /** ROS 1 {@code duration}: int32 seconds and nanoseconds. */
    DURATION("duration", 8);

    private final String rosName;
    private final int size;

    Primitive(String rosName, int size) {
        this.rosName = rosName;
        this.size = size;
    }

    /** The fixed size in bytes, or for text the size of the length prefix (the smallest encoding). */
    int size() {
        return size;
    }

    /** Whether this is bool, an integer or a float: one value of {@link #size} bytes. */
    boolean isFixedNumber() {
        return Fixed.NUMBERS.contains(this);
    }

    /** Holder of the constant set, which the enum's own initializer cannot build. */
    private static final class Fixed {
        static final java.util.Set<Primitive> NUMBERS = java.util.EnumSet.range(BOOL, FLOAT64);
    }

    /** Whether values have a variable length. */
    boolean isText() {
        return this == STRING || this == WSTRING;
    }

    @Override
    public String displayName() {
        return rosName;
    }

    /** Look up a primitive type name as written in a definition of {@code dialect}. */
    static Optional<Primitive> forName(String name, Dialect dialect) {
        switch (name) {
            case "byte":
                return Optional.of(dialect == Dialect.ROS1 ? INT8 : UINT8);
            case "char":
                return Optional.of(UINT8);
            case "time":
            case "duration":
                return dialect == Dialect.ROS1 ? Optional.of(name.equals("time") ? TIME : DURATION) : Optional.empty();
            case "wstring":
                return dialect == Dialect.ROS2 ? Optional.of(WSTRING) : Optional.empty();
            default:
                for (Primitive p : values()) {
                    if (p.rosName.equals(name) && p != TIME && p != DURATION && p != WSTRING) {
                        return Optional.of(p);
                    }
                }
                return Optional.empty();
        }
    }
}
