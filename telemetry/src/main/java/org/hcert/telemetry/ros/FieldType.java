package org.hcert.telemetry.ros;

/**
 * The type of a field: an element type, how many of it, and an optional bound on string length.
 *
 * @param element the type of each value
 * @param arity single value, fixed array, bounded or unbounded sequence
 * @param length the array length (FIXED) or the maximum sequence length (BOUNDED); 0 otherwise
 * @param stringBound the maximum string length ({@code string<=N}), or -1 when unbounded
 */
record FieldType(ElementType element, Arity arity, int length, int stringBound) {

    /** How many values a field holds. */
    enum Arity {
        SINGLE, FIXED, BOUNDED, UNBOUNDED
    }
}
