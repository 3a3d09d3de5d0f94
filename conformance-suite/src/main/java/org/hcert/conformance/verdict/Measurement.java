package org.hcert.conformance.verdict;

import java.util.Objects;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.telemetry.TimeWindow;

/**
 * One measured value compared with its limit, with the evidence behind it and what the comparison
 * proves: PASS (within the limit, evidence complete), FAIL (the samples seen put it outside the
 * limit) or INCONCLUSIVE (within the limit as far as seen, but the evidence is incomplete, or only
 * a bound was measured that cannot decide).
 *
 * @param quantity what was measured, e.g. {@code stop time}
 * @param subject what it was measured of: a joint's name, {@code base}, or empty
 * @param measured the measured value, in the limit's unit
 * @param bound whether the value is exact or a bound on the true value
 * @param limit the resolved limit
 * @param window the signal window the value was computed over
 * @param source the recording or link and the topics used
 * @param detail how the value was found, e.g. the worst joint and the instant
 * @param verdict what this measurement proves
 * @param note why the verdict is INCONCLUSIVE, or empty
 */
public record Measurement(String quantity, String subject, double measured, Bound bound, Limit limit,
        TimeWindow window, String source, String detail, Verdict verdict, String note) {

    public Measurement {
        Objects.requireNonNull(quantity, "quantity must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(bound, "bound must not be null");
        Objects.requireNonNull(limit, "limit must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        Objects.requireNonNull(verdict, "verdict must not be null");
        Objects.requireNonNull(note, "note must not be null");
    }

    /** An exact, complete measurement: PASS within the limit, FAIL outside it. */
    public static Measurement exact(String quantity, double measured, Limit limit, TimeWindow window, String source,
            String detail) {
        boolean within = limit.comparison().withinLimit(measured, limit.value());
        return new Measurement(quantity, "", measured, Bound.EXACT, limit, window, source, detail,
                within ? Verdict.PASS : Verdict.FAIL, "");
    }

    /** The unit of the measured value and the limit. */
    public String unit() {
        return limit.unit().symbol();
    }

    /** Whether the measured value, as a number, satisfies the limit. */
    public boolean withinLimit() {
        return limit.comparison().withinLimit(measured, limit.value());
    }

    /** The signed distance beyond the limit: positive when outside, negative when inside. */
    public double difference() {
        return limit.comparison().upper() ? measured - limit.value() : limit.value() - measured;
    }

    /**
     * The short form for the console and the report's step names: quantity (and subject), measured
     * value, limit, evidence label, and what it proves when that is not a pass, e.g.
     * {@code stop time: 450 ms (limit ≤ 600 ms, D)}.
     */
    public String headline() {
        String of = subject.isEmpty() ? "" : " (" + subject + ")";
        String outcome = switch (verdict) {
            case FAIL -> " OUTSIDE LIMIT";
            case INCONCLUSIVE -> " INCONCLUSIVE: " + note;
            default -> "";
        };
        return "%s%s: %s%s (limit %s %s, %s)%s".formatted(quantity, of, bound.symbol(), limit.unit().format(measured),
                limit.comparison().symbol(), limit.quantity(), limit.evidence(), outcome);
    }

    /** One line for reports and failure messages: measured, limit, difference, unit, window, verdict. */
    public String describe() {
        String of = subject.isEmpty() ? "" : " of " + subject;
        String by = limit.unit().isOrdinal() ? Quantity.format(Math.abs(difference())) + " level(s)"
                : Quantity.format(Math.abs(difference())) + " " + unit();
        return "%s%s: measured %s%s, limit %s %s, %s by %s; window %s; source %s; %s%s".formatted(
                quantity, of,
                bound.words(), limit.unit().format(measured),
                limit.comparison().symbol(), limit.quantity(),
                withinLimit() ? "within" : "outside", by,
                window, source, detail, note.isEmpty() ? "" : "; INCONCLUSIVE: " + note);
    }
}
