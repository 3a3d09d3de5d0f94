package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.TimeWindow;

/**
 * One subject's samples of one signal over a run: its largest (or smallest) value and when, and how
 * well the samples cover the run. A sample without the value (a field the message lacks, a NaN) is
 * absent: it counts as no sample at all, so the time around it is a gap, never a 0.
 */
final class SignalTrack {

    private final String subject;
    private final String noun;
    private final String what;
    private final String unit;
    private final boolean largest;
    private double extreme = Double.NaN;
    private long extremeAtNs;
    private long samples;
    private long absent;
    private long firstNs = Long.MIN_VALUE;
    private long lastNs = Long.MIN_VALUE;
    private long maxGapNs;
    private long maxGapEndNs;
    private final TraceRecorder trace;

    /**
     * @param subject the joint, sensor frame, battery topic or base
     * @param noun the signal in a word, for messages, e.g. {@code temperature}
     * @param what the signal with its article, e.g. {@code a temperature}
     * @param unit the SI unit of its values, for the detail line
     * @param largest whether the reading is its largest value (else its smallest)
     */
    SignalTrack(String subject, String noun, String what, String unit, boolean largest) {
        this.subject = subject;
        this.noun = noun;
        this.what = what;
        this.unit = unit;
        this.largest = largest;
        this.trace = new TraceRecorder(noun + " of " + subject, unit, Trace.LimitOn.VALUE, Optional.empty());
    }

    String subject() {
        return subject;
    }

    /** Take the value at {@code tNs} (SI); NaN or infinite is absent. */
    void add(long tNs, double valueSi) {
        if (!Double.isFinite(valueSi)) {
            absent++;
            return;
        }
        if (lastNs != Long.MIN_VALUE) {
            if (tNs - lastNs > maxGapNs) {
                maxGapNs = tNs - lastNs;
                maxGapEndNs = tNs;
            }
        } else {
            firstNs = tNs;
        }
        lastNs = tNs;
        samples++;
        trace.add(tNs, valueSi);
        if (Double.isNaN(extreme) || (largest ? valueSi > extreme : valueSi < extreme)) {
            extreme = valueSi;
            extremeAtNs = tNs;
        }
    }

    long firstNs() {
        return firstNs;
    }

    /**
     * The reading over the run {@code all}: the extreme value, with every reason the evidence is
     * incomplete (a gap longer than {@code maxGap}, at the start, inside or at the end; samples
     * spanning less than {@code minDuration}; values that were absent).
     */
    Reading reading(TimeWindow all, long maxGap, long minDuration) {
        if (samples == 0) {
            String why = absent > 0 ? "%s reports %s in none of its %d messages (the field is missing or NaN)"
                    .formatted(subject, what, absent) : "%s never reports %s".formatted(subject, what);
            return Reading.none(subject, all, List.of(why), "");
        }
        List<String> gaps = new ArrayList<>();
        long leading = firstNs - all.startNs();
        long trailing = all.endNs() - lastNs;
        long gap = Math.max(maxGapNs, Math.max(leading, trailing));
        if (gap > maxGap) {
            String where = gap == maxGapNs ? "ending at " + TimeWindow.of(maxGapEndNs, maxGapEndNs)
                    : gap == trailing ? "at the end of the run" : "at the start of the run";
            gaps.add("%s's %s samples have a gap of %s %s (at most %s allowed)".formatted(subject, noun, Times.ms(gap), where,
                    Times.ms(maxGap)));
        }
        if (lastNs - firstNs < minDuration) {
            gaps.add("%s's %s samples cover only %s (at least %s needed)".formatted(subject, noun, Times.ms(lastNs - firstNs),
                    Times.ms(minDuration)));
        }
        if (absent > 0) {
            gaps.add("%d of %s's messages carry no %s (missing or NaN)".formatted(absent, subject, noun));
        }
        return Reading.of(subject, TimeWindow.of(firstNs, lastNs), extreme, gaps, "%s: %s %s %s at %s, over %d samples"
                .formatted(subject, largest ? "largest" : "smallest", Quantity.format(extreme), unit,
                        TimeWindow.of(extremeAtNs, extremeAtNs), samples)).withTraces(List.of(trace.trace()));
    }
}
