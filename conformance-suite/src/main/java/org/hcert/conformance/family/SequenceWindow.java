package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import org.hcert.conformance.family.Occurrences.Occurrence;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.TimeWindow;
import org.jspecify.annotations.Nullable;

/**
 * One window of an {@link EventSequence} rule: from the opening event (its earliest instant) to the
 * closing event, the next opening, {@code observationWindow}, or the end of the telemetry.
 *
 * <p>Each guarded event of the window is judged when the window closes, when every event up to it
 * is known: not permitted when a blocking event came definitely before it; else, when the rule has
 * no {@code first} event, not permitted at all; else permitted when a {@code first} event came
 * definitely before it (earlier time stamp, outside its bracket), not permitted when none came up
 * to it; an equal time stamp or a bracket that holds the {@code first} event leaves the order
 * unknown, which makes the reading incomplete. The held state is read from every safety-state
 * sample from the opening's latest instant to the end, each one that does not show it a lapse; a
 * sample at the very instant of the closing event is not one (the robot may publish either first).
 */
final class SequenceWindow {

    /** What a mark is to the rule. */
    enum Role { FIRST, BLOCKER, THEN }

    /** An occurrence of the first, blocking or guarded event. */
    record Mark(Role role, Occurrence at) {}

    /** What a closed window showed the clause: a guarded event, a blocking event. */
    record Findings(boolean guarded, boolean blocker) {}

    /** Guarded events kept per window; beyond it the window is incomplete. */
    static final int MAX_GUARDED = 1000;

    private final ClauseSetup c;
    private final EventSequence.Rule rule;
    private final Occurrence opening;
    private final long startNs;
    private final long endNs;
    private @Nullable Occurrence first;
    private @Nullable Occurrence blocker;
    private final List<Occurrence> guarded = new ArrayList<>();
    private boolean overflow;
    private long samples;
    private long lastNs = Long.MIN_VALUE;
    private long maxGapNs;
    private long lapses;
    private long lapsesAtLastNs;
    private String firstLapse = "";

    SequenceWindow(ClauseSetup c, EventSequence.Rule rule, Occurrence opening) {
        this.c = c;
        this.rule = rule;
        this.opening = opening;
        this.startNs = opening.earliestNs();
        this.endNs = startNs + c.nanos("observationWindow");
    }

    long startNs() {
        return startNs;
    }

    long endNs() {
        return endNs;
    }

    void mark(Mark m) {
        Occurrence at = m.at();
        if (at.earliestNs() < startNs) {
            return;
        }
        switch (m.role()) {
            case FIRST -> first = first == null ? at : first;
            case BLOCKER -> blocker = blocker == null ? at : blocker;
            case THEN -> {
                if (guarded.size() < MAX_GUARDED) {
                    guarded.add(at);
                } else {
                    overflow = true;
                }
            }
        }
    }

    void state(SafetyStateSample s) {
        if (rule.holds() == EventSequence.Held.NONE || s.tNs() < opening.latestNs()) {
            return;
        }
        maxGapNs = Math.max(maxGapNs, s.tNs() - (lastNs == Long.MIN_VALUE ? opening.latestNs() : lastNs));
        if (s.tNs() != lastNs) {
            lapsesAtLastNs = 0;
        }
        lastNs = s.tNs();
        samples++;
        if (!rule.holds().test.test(s)) {
            lapses++;
            lapsesAtLastNs++;
            if (firstLapse.isEmpty()) {
                firstLapse = "the state lapsed at %s: e-stop %s, protective stop %s, drive %s, mode %s".formatted(
                        TimeWindow.of(s.tNs(), s.tNs()), s.estop() ? "asserted" : "released",
                        s.protectiveStop() ? "asserted" : "released", s.driveEnabled() ? "on" : "off", s.mode());
            }
        }
    }

    /**
     * Add this window's readings.
     *
     * @param end where it ended, ns
     * @param endedBy what ended it, in words
     * @param complete false when the telemetry ended it before its observation did
     */
    Findings readings(long end, String endedBy, boolean complete, ClauseEvidence.Builder out) {
        TimeWindow window = TimeWindow.of(startNs, Math.max(end, startNs));
        List<String> common = new ArrayList<>();
        if (opening.uncertaintyNs() > c.nanos("maxTriggerUncertainty")) {
            common.add("the %s was seen only through the sampled safety state, %s (%s), more than maxTriggerUncertainty %s"
                    .formatted(rule.opens(), opening.when(), Times.ms(opening.uncertaintyNs()), Times.ms(c.nanos("maxTriggerUncertainty"))));
        }
        if (!complete && end - startNs < c.nanos("minObservation")) {
            common.add("the telemetry ends %s after the %s; %s are needed".formatted(Times.ms(end - startNs), rule.opens(),
                    Times.ms(c.nanos("minObservation"))));
        }
        String seen = "opened by %s %s; ended by %s".formatted(opening.description(), opening.when(), endedBy);
        Occurrence b = blocker != null && blocker.earliestNs() <= end ? blocker : null;
        Occurrence f = first != null && first.earliestNs() <= end ? first : null;
        List<Occurrence> inWindow = guarded.stream().filter(t -> t.earliestNs() <= end).toList();
        if (c.judges(EventSequence.UNPERMITTED) && rule.guards()) {
            out.add(EventSequence.UNPERMITTED, unpermitted(window, common, seen, f, b, inWindow));
        }
        if (c.judges(EventSequence.LAPSES) && rule.holds() != EventSequence.Held.NONE) {
            lapses(window, end, endedBy, complete, common, seen, out);
        }
        return new Findings(!inWindow.isEmpty(), b != null);
    }

    private Reading unpermitted(TimeWindow window, List<String> common, String seen, @Nullable Occurrence f,
            @Nullable Occurrence b, List<Occurrence> inWindow) {
        List<String> gaps = new ArrayList<>(common);
        if (overflow) {
            gaps.add("more than %d %s in the window; the rest were not judged".formatted(MAX_GUARDED, rule.then()));
        }
        int bad = 0;
        String firstBad = "";
        for (Occurrence t : inWindow) {
            String why = judge(t, f, b, gaps);
            if (!why.isEmpty()) {
                bad++;
                firstBad = firstBad.isEmpty() ? why : firstBad;
            }
        }
        String found;
        if (bad > 0) {
            found = "%d %s not permitted, the first: %s".formatted(bad, rule.then(), firstBad);
        } else if (inWindow.isEmpty()) {
            found = "no %s in the window%s".formatted(rule.then(), b == null ? "" : " after the " + b.description() + " " + b.when());
        } else {
            Occurrence t = inWindow.get(0);
            found = f == null ? "%s %s".formatted(t.description(), t.when())
                    : "%s %s after the %s %s".formatted(t.description(), t.when(), f.description(), f.when());
        }
        return Reading.of("", window, bad, gaps, seen + "; " + found);
    }

    /** Why {@code t} is not permitted, or empty when it is (or its order is unknown, noted in {@code gaps}). */
    private String judge(Occurrence t, @Nullable Occurrence f, @Nullable Occurrence b,
            List<String> gaps) {
        if (b != null && b.latestNs() < t.earliestNs()) {
            return "%s %s after the %s %s".formatted(t.description(), t.when(), b.description(), b.when());
        }
        if (b != null && b.earliestNs() <= t.latestNs()) {
            gaps.add(unknownOrder(t, b));
        }
        if (rule.first().equals(EventSequence.NONE)) {
            return "%s %s, which the rule does not permit before %s".formatted(t.description(), t.when(),
                    rule.closes().equals(EventSequence.NONE) ? "the window ends" : rule.closes());
        }
        if (f != null && f.latestNs() < t.earliestNs()) {
            return "";
        }
        if (f != null && f.earliestNs() <= t.latestNs()) {
            gaps.add(unknownOrder(t, f));
            return "";
        }
        return "%s %s without a %s before it in the window".formatted(t.description(), t.when(), rule.first());
    }

    private static String unknownOrder(Occurrence a, Occurrence b) {
        return "the order of the %s %s and the %s %s cannot be told (same time stamp, or inside a sampled bracket)"
                .formatted(a.description(), a.when(), b.description(), b.when());
    }

    private void lapses(TimeWindow window, long end, String endedBy, boolean complete, List<String> common, String seen,
            ClauseEvidence.Builder out) {
        boolean closedByEvent = endedBy.equals(rule.closes() + " event");
        long counted = lapses - (closedByEvent && lastNs == end ? lapsesAtLastNs : 0);
        long maxGap = c.nanos("maxSampleGap");
        if (counted == 0 && complete && end - startNs <= maxGap) {
            // Closed within one sampling gap of its opening: nothing to judge, unless a lapse was seen.
            return;
        }
        List<String> gaps = new ArrayList<>(common);
        String held = "%s (%s)".formatted(rule.holds().key, rule.holds().words);
        if (samples == 0) {
            gaps.add("no safety-state sample in the window: whether the state held (%s) is unknown".formatted(held));
            out.add(EventSequence.LAPSES, Reading.none("", window, gaps, seen));
            return;
        }
        long gap = Math.max(maxGapNs, end - lastNs);
        if (gap > maxGap) {
            gaps.add("the safety state's samples have a gap of %s (at most %s allowed)".formatted(Times.ms(gap), Times.ms(maxGap)));
        }
        out.add(EventSequence.LAPSES, Reading.of("", window, (double) counted, gaps, "%s; %d safety-state sample(s), %s".formatted(seen,
                samples, counted == 0 ? "every one showing " + held : firstLapse)));
    }
}
