package org.hcert.conformance.verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A judged signal over a reading's window, thinned for a plot and a CSV excerpt: each point is one
 * bucket of consecutive samples with their smallest and largest value, so no peak is lost however
 * many samples a bucket holds.
 *
 * @param signal what the values are, e.g. {@code |velocity| of left_knee} or {@code fastest joint}
 * @param unit the SI unit of the values, e.g. {@code rad/s}
 * @param limitOn how the reading's limit is drawn over this signal
 * @param points the buckets in time order
 * @param threshold a value the family compares this signal with, other than the limit (the
 *     standstill tolerance of a stop), with what it is; empty when there is none
 * @param samples how many samples the points stand for
 */
public record Trace(String signal, String unit, LimitOn limitOn, List<Point> points, Optional<Threshold> threshold,
        long samples) {

    /** How a reading's limit relates to the signal it was measured from. */
    public enum LimitOn {
        /** The limit bounds the signal's value: drawn as a level on it (a temperature, a speed). */
        VALUE,
        /** The limit is a time from the window's start: drawn at that instant (a stop time). */
        TIME_FROM_START,
        /** The limit is of another quantity (a count, a distance): not drawn. */
        NONE
    }

    /** One bucket: the time of its first sample, and its smallest and largest value (SI). */
    public record Point(long tNs, double min, double max) {}

    /** A level the family compares the signal with, and what it is (SI). */
    public record Threshold(double value, String label) {}

    public Trace {
        Objects.requireNonNull(signal, "signal must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(limitOn, "limitOn must not be null");
        Objects.requireNonNull(threshold, "threshold must not be null");
        points = List.copyOf(points);
    }

    /** Whether each point stands for one sample (not thinned). */
    public boolean whole() {
        return points.size() == samples;
    }
}
