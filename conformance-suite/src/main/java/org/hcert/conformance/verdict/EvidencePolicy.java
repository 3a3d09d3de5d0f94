package org.hcert.conformance.verdict;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one evidence policy of hcert: how a reading, compared with a limit, becomes a measurement
 * with a verdict, and how measurements and unmeasurable windows combine into a verdict. Every step
 * and every family judges through here.
 *
 * <ul>
 *   <li>A value outside the limit is a FAIL when the samples seen prove it: an exact value, or a
 *       bound on the failing side (a robot still moving after the whole window stopped too late).
 *       Gaps elsewhere in the evidence do not undo what was seen.
 *   <li>A value within the limit is a PASS only when the evidence is complete; otherwise it is
 *       INCONCLUSIVE with the reasons. A bound that cannot decide is INCONCLUSIVE.
 *   <li>A window in which nothing could be measured is INCONCLUSIVE with its reasons.
 *   <li>The verdict of several is the worst: FAIL over INCONCLUSIVE over PASS; nothing measured at
 *       all is INCONCLUSIVE.
 * </ul>
 */
public final class EvidencePolicy {

    private EvidencePolicy() {}

    /**
     * Compare {@code reading} with {@code limit}.
     *
     * @return the measurement, or empty when the reading has no value (its gaps say why)
     */
    public static Optional<Measurement> judge(String quantity, Reading reading, Limit limit, String source) {
        if (reading.valueSi().isEmpty()) {
            return Optional.empty();
        }
        double measured = limit.unit().fromSi(reading.valueSi().getAsDouble());
        boolean within = limit.comparison().withinLimit(measured, limit.value());
        Verdict verdict;
        String note = "";
        if (!within && provesOutside(reading.bound(), limit.comparison())) {
            verdict = Verdict.FAIL;
        } else if (!within) {
            verdict = Verdict.INCONCLUSIVE;
            note = "only %s%s was measured, which cannot tell whether the limit is met"
                    .formatted(reading.bound().words(), limit.unit().format(measured));
        } else if (!reading.gaps().isEmpty()) {
            verdict = Verdict.INCONCLUSIVE;
            note = String.join("; ", reading.gaps());
        } else if (!provesWithin(reading.bound(), limit.comparison())) {
            verdict = Verdict.INCONCLUSIVE;
            note = "only %s%s was measured, which cannot tell whether the limit is met"
                    .formatted(reading.bound().words(), limit.unit().format(measured));
        } else {
            verdict = Verdict.PASS;
        }
        return Optional.of(new Measurement(quantity, reading.subject(), measured, reading.bound(), limit,
                reading.window(), source, reading.detail(), verdict, note));
    }

    /** A value outside the limit proves a FAIL unless it is a bound on the passing side. */
    private static boolean provesOutside(Bound bound, Comparison comparison) {
        return bound == Bound.EXACT
                || (bound == Bound.AT_LEAST && comparison.upper())
                || (bound == Bound.AT_MOST && !comparison.upper());
    }

    /** A value within the limit proves a PASS unless it is a bound on the failing side. */
    private static boolean provesWithin(Bound bound, Comparison comparison) {
        return bound == Bound.EXACT
                || (bound == Bound.AT_MOST && comparison.upper())
                || (bound == Bound.AT_LEAST && !comparison.upper());
    }

    /** The worst of {@code verdicts}: FAIL over INCONCLUSIVE over PASS; none at all is INCONCLUSIVE. */
    public static Verdict worst(List<Verdict> verdicts) {
        if (verdicts.contains(Verdict.FAIL)) {
            return Verdict.FAIL;
        }
        if (verdicts.isEmpty() || verdicts.contains(Verdict.INCONCLUSIVE)) {
            return Verdict.INCONCLUSIVE;
        }
        return verdicts.contains(Verdict.PASS) ? Verdict.PASS : Verdict.NOT_APPLICABLE;
    }

    /** Worst first: FAIL, then INCONCLUSIVE, then PASS; within each, the largest excess over the limit first. */
    public static final Comparator<Measurement> WORST_FIRST = Comparator
            .comparingInt((Measurement m) -> rank(m.verdict()))
            .thenComparing(Comparator.comparingDouble(Measurement::difference).reversed());

    private static int rank(Verdict v) {
        return switch (v) {
            case FAIL -> 0;
            case INCONCLUSIVE -> 1;
            case PASS -> 2;
            case NOT_APPLICABLE -> 3;
        };
    }
}
