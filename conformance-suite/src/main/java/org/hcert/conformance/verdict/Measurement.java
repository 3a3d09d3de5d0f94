package org.hcert.conformance.verdict;

import java.util.Objects;
import org.hcert.telemetry.TimeWindow;

/**
 * One measured value compared with its limit, with the evidence behind it.
 *
 * @param quantity what was measured, e.g. {@code stop time}
 * @param measured the measured value, in the limit's unit
 * @param limit the resolved limit
 * @param window the signal window the value was computed over
 * @param source the recording or link and the topics used
 * @param detail how the value was found, e.g. the worst joint and the instant
 */
public record Measurement(
        String quantity, double measured, Limit limit, TimeWindow window, String source, String detail) {

    public Measurement {
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(limit, "limit must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
    }

    public String unit() {
        return limit.unit();
    }

    public boolean withinLimit() {
        return limit.comparison().withinLimit(measured, limit.value());
    }

    /** The signed distance beyond the limit: positive when outside, negative when inside. */
    public double difference() {
        return limit.comparison() == Comparison.AT_MOST ? measured - limit.value() : limit.value() - measured;
    }

    /**
     * The short form for the console and the report's step names: quantity, measured value,
     * limit, evidence label, and {@code OUTSIDE LIMIT} when it is, e.g.
     * {@code stop time: 450 ms (limit ≤ 600 ms, D)}.
     */
    public String headline() {
        return "%s: %s %s (limit %s %s %s, %s)%s".formatted(quantity, Units.format(measured), unit(),
                limit.comparison().symbol(), Units.format(limit.value()), unit(), limit.evidence(),
                withinLimit() ? "" : " OUTSIDE LIMIT");
    }

    /** One line for reports and failure messages: measured, limit, difference, unit, window. */
    public String describe() {
        return "%s: measured %s %s, limit %s %s %s, %s by %s %s; window %s; source %s; %s".formatted(
                quantity,
                Units.format(measured), unit(),
                limit.comparison().symbol(), Units.format(limit.value()), unit(),
                withinLimit() ? "within" : "outside", Units.format(Math.abs(difference())), unit(),
                window, source, detail);
    }
}
