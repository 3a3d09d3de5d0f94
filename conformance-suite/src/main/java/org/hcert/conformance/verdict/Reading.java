package org.hcert.conformance.verdict;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hcert.telemetry.TimeWindow;

/**
 * What one window of evidence says about one measured quantity of one subject, before it is
 * compared with a limit: the value (if any could be measured), whether it is exact or a bound,
 * and every reason the evidence is incomplete.
 *
 * @param subject what the value is of: a joint's name, {@code base}, or empty for the whole robot
 * @param window the signal window the value was computed over
 * @param valueSi the value in the SI unit of its dimension, empty when nothing could be measured
 * @param bound whether the value is exact or a bound on the true value
 * @param gaps why the evidence is incomplete (a sample gap, a window cut short, a joint that never
 *     reported, an uncertain trigger instant); empty when it is complete
 * @param detail how the value was found, for people: the trigger, the instant, the worst joint
 * @param limit the limit this reading is judged against when it is not the clause's limit of the
 *     step's name: a limit that differs per subject (the band of a safety function's own performance
 *     level, a robot's own declared value), made by the family from the clause's limits or the robot's
 *     declaration; empty for the clause's limit
 * @param traces the signals the value was measured from, thinned for a plot (the report shows them);
 *     empty when the family keeps none
 */
public record Reading(String subject, TimeWindow window, OptionalDouble valueSi, Bound bound, List<String> gaps,
        String detail, Optional<Limit> limit, List<Trace> traces) {

    /** A reading judged against the clause's limit of the step's name. */
    public Reading(String subject, TimeWindow window, OptionalDouble valueSi, Bound bound, List<String> gaps, String detail) {
        this(subject, window, valueSi, bound, gaps, detail, Optional.empty(), List.of());
    }

    public Reading {
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(valueSi, "valueSi must not be null");
        Objects.requireNonNull(bound, "bound must not be null");
        Objects.requireNonNull(detail, "detail must not be null");
        Objects.requireNonNull(limit, "limit must not be null");
        gaps = List.copyOf(gaps);
        traces = List.copyOf(traces);
        if (valueSi.isPresent() && Double.isNaN(valueSi.getAsDouble())) {
            valueSi = OptionalDouble.empty();
        }
    }

    /** An exact value, complete unless {@code gaps} say otherwise. */
    public static Reading of(String subject, TimeWindow window, double valueSi, List<String> gaps, String detail) {
        return new Reading(subject, window, OptionalDouble.of(valueSi), Bound.EXACT, gaps, detail);
    }

    /** No value could be measured, for the reasons given. */
    public static Reading none(String subject, TimeWindow window, List<String> reasons, String detail) {
        return new Reading(subject, window, OptionalDouble.empty(), Bound.EXACT, reasons, detail);
    }

    /** This reading, judged against {@code own} instead of the clause's limit of the step's name. */
    public Reading against(Limit own) {
        return new Reading(subject, window, valueSi, bound, gaps, detail, Optional.of(own), traces);
    }

    /** This reading, with the signals it was measured from for its plot. */
    public Reading withTraces(List<Trace> signals) {
        return new Reading(subject, window, valueSi, bound, gaps, detail, limit, signals);
    }

    /** Whether nothing is missing from the evidence. */
    public boolean complete() {
        return gaps.isEmpty() && valueSi.isPresent();
    }
}
