package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.mapping.Role;

/**
 * Event sequence: an ordering or latching rule over the robot's events and its sampled safety
 * state, inside windows that an event opens. A clause names the events in its options:
 *
 * <ul>
 *   <li>{@code opens}: the event that opens a window (e.g. {@code power_restored});
 *   <li>{@code closes}: the event that closes it (e.g. {@code estop_reset}), else it lasts
 *       {@code observationWindow}; the next {@code opens} also closes it;
 *   <li>{@code then}: the guarded event (e.g. {@code drive_enabled}), permitted only after a
 *       {@code first} event in the same window (e.g. {@code self_test_passed}), never when
 *       {@code first} is {@code none}, and never after a {@code blockedBy} event in the window
 *       (e.g. {@code self_test_failed});
 *   <li>{@code holds}: the safety state that every sample in the window must show ({@code estop},
 *       {@code drive-off}, {@code protective-stop}).
 * </ul>
 *
 * <p>Limits: {@code unpermittedEvents}, the guarded events of a window that its rule does not
 * permit; {@code stateLapses}, the safety-state samples of a window that do not show the state.
 * The opening and the guarded event may be seen through their edge in the sampled state too
 * ({@link Occurrences}), bracketed; {@code first}, {@code blockedBy} and {@code closes} only through
 * their events (a state that ends without the closing event is a lapse, never a close). See
 * {@link SequenceWindow} for how each window is judged.
 */
final class EventSequence implements Family {

    static final String UNPERMITTED = "unpermittedEvents";
    static final String LAPSES = "stateLapses";
    static final String NONE = "none";

    /** The event kinds a clause may name ({@code hcert/msg/Event}); the first is the default of {@code opens}. */
    static final List<String> EVENTS = List.of("power_restored", "power_lost", "estop_released", "estop_pressed",
            "estop_reset", "protective_stop", "protective_stop_released", "stop_requested", "start", "drive_enabled",
            "drive_disabled", "self_test_passed", "self_test_failed", "fault", "fault_reset", "fall_detected");

    /** The safety states a window may have to hold, with their test. */
    enum Held {
        NONE(EventSequence.NONE, s -> true, ""),
        ESTOP("estop", SafetyStateSample::estop, "e-stop asserted"),
        DRIVE_OFF("drive-off", s -> !s.driveEnabled(), "drive power off"),
        PROTECTIVE_STOP("protective-stop", SafetyStateSample::protectiveStop, "protective stop asserted");

        final String key;
        @SuppressWarnings("ImmutableEnumChecker") // a method reference, stateless
        final Predicate<SafetyStateSample> test;
        final String words;

        Held(String key, Predicate<SafetyStateSample> test, String words) {
            this.key = key;
            this.test = test;
            this.words = words;
        }

        static Held of(String key) {
            return Stream.of(values()).filter(h -> h.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no held state " + key));
        }
    }

    @Override
    public String name() {
        return "event-sequence";
    }

    @Override
    public String summary() {
        return "within windows an event opens, a guarded event comes only after the event that must precede it and never "
                + "after a blocking one, and the safety state holds until the closing event";
    }

    @Override
    public List<OptionName> options() {
        List<String> orNone = Stream.concat(Stream.of(NONE), EVENTS.stream()).toList();
        return List.of(new OptionName("opens", EVENTS, "the event that opens a window"),
                new OptionName("closes", orNone, "the event that closes a window (none: it lasts observationWindow)"),
                new OptionName("first", orNone, "the event that must come before the guarded one in a window (none: the guarded one may not come at all)"),
                new OptionName("then", orNone, "the guarded event"),
                new OptionName("blockedBy", orNone, "the event after which the guarded one may not come in the window"),
                new OptionName("holds", Stream.of(Held.values()).map(h -> h.key).toList(),
                        "the safety state every sample of a window must show"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional(UNPERMITTED, Dimension.COUNT, "guarded events the rule does not permit"),
                LimitName.optional(LAPSES, Dimension.COUNT, "safety-state samples that do not show the held state"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("observationWindow", Dimension.TIME, POSITIVE,
                        "how long after the opening event to watch when no closing event comes"),
                ParameterName.required("minObservation", Dimension.TIME, POSITIVE,
                        "how long at least one window must be watched"),
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in the safety state's samples that still counts as evidence of the held state"),
                ParameterName.optional("maxTriggerUncertainty", Dimension.TIME, POSITIVE, new Quantity(20, Unit.MILLISECOND),
                        "widest bracket of an event seen only through the sampled safety state"),
                ParameterName.optional("settle", Dimension.TIME, POSITIVE, new Quantity(3, Unit.SECOND),
                        "live: how long the robot may take to stop (or power down) before the next step"),
                ParameterName.optional("hold", Dimension.TIME, POSITIVE, new Quantity(1, Unit.SECOND),
                        "live: how long to wait after the opening event before the closing step (reset, start)"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return clause.judges(LAPSES) ? EnumSet.of(Role.EVENTS, Role.SAFETY_STATE) : EnumSet.of(Role.EVENTS);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.SAFETY_STATE);
    }

    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        Duration settle = Duration.ofNanos(clause.nanos("settle"));
        Duration hold = Duration.ofNanos(clause.nanos("hold"));
        String opens = clause.option("opens");
        Duration observe = Duration.ofNanos(clause.nanos("hold")).plusMillis(500);
        if (opens.equals("estop_released")) {
            return new LiveAction(s -> s.estopReleaseThenReset(settle, hold), observe);
        }
        if (opens.equals(Triggers.POWER_RESTORED) && clause.option("blockedBy").equals("self_test_failed")) {
            return new LiveAction(s -> s.failedSelfTestThenPowerOn(StopResponse.LIVE_SAFETY_FAULT, settle, hold), observe);
        }
        if (opens.equals(Triggers.POWER_RESTORED)) {
            return new LiveAction(s -> s.powerCycleThenStart(settle, hold), observe);
        }
        String ask = "Make the robot report %s%s, then confirm".formatted(opens,
                clause.option("then").equals(NONE) ? "" : " and go on until it would report " + clause.option("then"));
        return new LiveAction(s -> s.askOperator(ask), Duration.ofNanos(clause.nanos("observationWindow")));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    /** The rule of one clause: its options, resolved. */
    record Rule(String opens, String closes, String first, String then, String blockedBy, Held holds) {

        static Rule of(ClauseSetup c) {
            return new Rule(c.option("opens"), c.option("closes"), c.option("first"), c.option("then"),
                    c.option("blockedBy"), Held.of(c.option("holds")));
        }

        boolean guards() {
            return !then.equals(NONE);
        }
    }

    /** One pass: occurrences of the opening and the guarded event, windows between opening and closing. */
    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final Rule rule;
        private final Occurrences opens;
        private final Occurrences guarded;
        private final ClauseEvidence.Builder evidence = new ClauseEvidence.Builder();
        /** What was seen since the last safety state, for an opening that a state sample reveals afterwards. */
        private final List<SequenceWindow.Mark> recent = new ArrayList<>();
        private @org.jspecify.annotations.Nullable SequenceWindow open;
        private int windows;
        private boolean longEnough;
        private boolean sawGuarded;
        private boolean sawBlocker;

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.rule = Rule.of(c);
            this.opens = new Occurrences(rule.opens(), true);
            this.guarded = new Occurrences(rule.then(), true);
        }

        @Override
        public void accept(org.hcert.telemetry.Sample s) {
            long t = s.tNs();
            SequenceWindow w = open;
            var opening = opens.onSample(s);
            List<SequenceWindow.Mark> marks = marks(s);
            if (w != null) {
                if (t > w.endNs()) {
                    close(w, w.endNs(), "end of observation", true);
                } else if (s instanceof org.hcert.telemetry.EventSample e && e.kind().equals(rule.closes())) {
                    close(w, t, rule.closes() + " event", true);
                } else if (opening.isPresent()) {
                    close(w, Math.max(w.startNs(), opening.get().earliestNs()), "the next " + rule.opens(), true);
                }
            }
            if (opening.isPresent() && open == null) {
                SequenceWindow fresh = new SequenceWindow(c, rule, opening.get());
                recent.stream().filter(m -> m.at().earliestNs() >= opening.get().earliestNs()).forEach(fresh::mark);
                open = fresh;
            }
            SequenceWindow now = open;
            if (now != null) {
                marks.forEach(now::mark);
                if (s instanceof SafetyStateSample state) {
                    now.state(state);
                }
            }
            if (s instanceof SafetyStateSample) {
                recent.clear();
            } else {
                recent.addAll(marks);
            }
        }

        /** The first, blocking and guarded events at {@code s} (the guarded one also through the state). */
        private List<SequenceWindow.Mark> marks(org.hcert.telemetry.Sample s) {
            List<SequenceWindow.Mark> out = new ArrayList<>(2);
            if (rule.guards()) {
                guarded.onSample(s).ifPresent(o -> out.add(new SequenceWindow.Mark(SequenceWindow.Role.THEN, o)));
            }
            if (s instanceof org.hcert.telemetry.EventSample e) {
                Occurrences.Occurrence at = new Occurrences.Occurrence(e.tNs(), e.tNs(), e.kind() + " event");
                if (e.kind().equals(rule.first())) {
                    out.add(new SequenceWindow.Mark(SequenceWindow.Role.FIRST, at));
                }
                if (e.kind().equals(rule.blockedBy())) {
                    out.add(new SequenceWindow.Mark(SequenceWindow.Role.BLOCKER, at));
                }
            }
            return out;
        }

        private void close(SequenceWindow w, long end, String endedBy, boolean complete) {
            open = null;
            windows++;
            longEnough |= end - w.startNs() >= c.nanos("minObservation");
            SequenceWindow.Findings f = w.readings(end, endedBy, complete, evidence);
            sawGuarded |= f.guarded();
            sawBlocker |= f.blocker();
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            SequenceWindow w = open;
            if (w != null) {
                long end = Math.min(Math.max(endNs, w.startNs()), w.endNs());
                close(w, end, endNs >= w.endNs() ? "end of observation" : "end of the telemetry", endNs >= w.endNs());
            }
            if (c.judges(UNPERMITTED) && !rule.guards()) {
                evidence.problem("clause %s judges %s but names no guarded event (option then is none)".formatted(c.clauseId(), UNPERMITTED));
            }
            if (c.judges(LAPSES) && rule.holds() == Held.NONE) {
                evidence.problem("clause %s judges %s but names no state to hold (option holds is none)".formatted(c.clauseId(), LAPSES));
            }
            if (windows == 0) {
                evidence.problem("no %s in the telemetry (looked for %s)".formatted(rule.opens(), opens.lookedFor()));
                return evidence.build();
            }
            if (!longEnough) {
                evidence.problem("no %s was watched for %s".formatted(rule.opens(), Times.ms(c.nanos("minObservation"))));
            }
            if (c.judges(UNPERMITTED) && rule.guards() && !rule.first().equals(NONE) && !sawGuarded) {
                evidence.problem("no %s came after %s in the telemetry: that %s comes before it was never shown"
                        .formatted(rule.then(), rule.opens(), rule.first()));
            }
            if (c.judges(UNPERMITTED) && rule.guards() && !rule.blockedBy().equals(NONE) && !sawBlocker) {
                evidence.problem("no %s came after %s in the telemetry: that it blocks %s was never shown"
                        .formatted(rule.blockedBy(), rule.opens(), rule.then()));
            }
            return evidence.build();
        }
    }
}
