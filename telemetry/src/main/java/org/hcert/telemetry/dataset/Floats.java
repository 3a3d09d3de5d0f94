package org.hcert.telemetry.dataset;

/** How a data set's float32 values become hcert's doubles. */
final class Floats {

    private Floats() {}

    /**
     * {@code x} as the double of its shortest decimal form ({@code 33.65884f} as {@code 33.65884},
     * not {@code 33.658840179443359}): the number the data set's own tools print, and the one a
     * converted copy (JSON, CSV) reads back, so a data set and its conversion are judged alike.
     */
    static double asDecimal(float x) {
        return Float.isFinite(x) ? Double.parseDouble(Float.toString(x)) : x;
    }
}
