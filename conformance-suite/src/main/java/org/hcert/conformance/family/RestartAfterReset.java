package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * No restart without a start command: between a reset (or drive power coming back) and the next
 * explicit start, no joint and no part of the base moves above noise level.
 *
 * <p>With {@code after: estop-reset} a window opens at an {@code estop_reset} event or the safety
 * state's e-stop input falling; with {@code after: power-restored} at a {@code power_restored}
 * event or the safety state's mode leaving {@value Triggers#UNPOWERED}. Either counts once per stop
 * (a recording that begins latched, or unpowered, counts too). One seen only through the sampled
 * state starts its window at the first sample that shows it; the bracket before it is reported,
 * and one wider than {@code maxTriggerUncertainty} makes the window incomplete. A window ends at a
 * {@code start} event, at the next stop, after {@code observationWindow}, or at the end of the
 * telemetry. Every
 * window is judged, but one that a start or a new stop ends within {@code maxSampleGap} of its reset
 * (a reset followed at once by a start) holds no sample to judge; a window that the telemetry cuts
 * short of {@code minObservation} is incomplete, and at least one window must reach
 * {@code minObservation} without a start.
 */
final class RestartAfterReset implements Family {

    static final String JOINT_SPEED = "jointSpeedAfterReset";
    static final String BASE_SPEED = "baseSpeedAfterReset";
    static final String BASE_TURN_RATE = "baseTurnRateAfterReset";
    static final String POWER_RESTORED = "power-restored";

    @Override
    public String name() {
        return "no-restart-after-reset";
    }

    @Override
    public String summary() {
        return "between a reset and an explicit start command, no joint and no part of the base moves above noise level";
    }

    @Override
    public List<OptionName> options() {
        return List.of(new OptionName("after", List.of("estop-reset", POWER_RESTORED), "what opens a window"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.required(JOINT_SPEED, Dimension.ANGULAR_SPEED, "largest joint speed between reset and start"),
                LimitName.required(BASE_SPEED, Dimension.SPEED, "largest base speed between reset and start"),
                LimitName.optional(BASE_TURN_RATE, Dimension.ANGULAR_SPEED, "largest base turn rate between reset and start"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("observationWindow", Dimension.TIME, POSITIVE, "how long after a reset to watch"),
                ParameterName.required("minObservation", Dimension.TIME, POSITIVE,
                        "how long at least one reset must be watched without a start command"),
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in any joint's or the base's samples that still counts as evidence"),
                ParameterName.required("stopSettle", Dimension.TIME, POSITIVE,
                        "live: how long the robot may take to stop before the e-stop is released and reset "
                                + "(or drive power is restored)"),
                ParameterName.optional("maxTriggerUncertainty", Dimension.TIME, POSITIVE, new Quantity(20, Unit.MILLISECOND),
                        "widest bracket of a reset or power restore seen only through the sampled safety state"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return EnumSet.of(Role.JOINTS, Role.ODOMETRY);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.SAFETY_STATE, Role.EVENTS);
    }

    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        Duration settle = Duration.ofNanos(clause.nanos("stopSettle"));
        boolean power = POWER_RESTORED.equals(clause.option("after"));
        return new LiveAction(s -> {
            if (power) {
                s.powerCutThenRestoreWithoutStart(settle);
            } else {
                s.estopThenResetWithoutStart(settle);
            }
        }, Duration.ofNanos(clause.nanos("observationWindow")).plusMillis(500));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    /** What opened a window: seen in [{@code earliestNs}, {@code latestNs}], exactly for an event. */
    private record Opening(long earliestNs, long latestNs, String description) {}

    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final boolean power;
        private final Triggers stops = new Triggers(Triggers.Kind.EVERY);
        private final ClauseEvidence.Builder evidence = new ClauseEvidence.Builder();
        private @Nullable SafetyStateSample lastSafety;
        /** Unknown (null) until a stop or the first safety state says; a recording that begins latched counts. */
        private @Nullable Boolean latched;
        private @Nullable Window open;
        private int windows;
        private boolean longEnough;

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.power = POWER_RESTORED.equals(c.option("after"));
        }

        @Override
        public void accept(Sample s) {
            boolean stop = stops.onSample(s).isPresent();
            Opening reset = reset(s);
            Window w = open;
            if (w != null) {
                String end = s.tNs() > w.endNs ? "end of observation" : stop ? "a new stop"
                        : s instanceof EventSample e && Triggers.START.equals(e.kind()) ? "start event" : null;
                if (end != null) {
                    close(w, Math.min(s.tNs(), w.endNs), end, true);
                }
            }
            if (stop) {
                latched = true;
            } else if (reset != null) {
                latched = false;
                if (open == null) {
                    open = new Window(c, reset);
                }
            }
            Window now = open;
            if (now != null) {
                now.add(s);
            }
        }

        /** The reset (or power restore) at {@code s}, unless nothing was latched. */
        private @Nullable Opening reset(Sample s) {
            Opening reset = null;
            String event = power ? Triggers.POWER_RESTORED : EventSample.ESTOP_RESET;
            if (s instanceof EventSample e && event.equals(e.kind())) {
                reset = new Opening(e.tNs(), e.tNs(), event + " event");
            } else if (s instanceof SafetyStateSample safety) {
                SafetyStateSample before = lastSafety;
                if (before == null && latched == null) {
                    latched = latchedIn(safety);
                }
                if (before != null && latchedIn(before) && !latchedIn(safety)) {
                    reset = new Opening(before.tNs(), safety.tNs(), power
                            ? "safety state mode %s left".formatted(Triggers.UNPOWERED)
                            : "safety state e-stop input released");
                }
                lastSafety = safety;
            }
            return Boolean.FALSE.equals(latched) ? null : reset;
        }

        private boolean latchedIn(SafetyStateSample s) {
            return power ? Triggers.unpowered(s) : s.estop();
        }

        private void close(Window w, long end, String endedBy, boolean complete) {
            open = null;
            windows++;
            longEnough |= end - w.startNs >= c.nanos("minObservation");
            if (complete && end - w.startNs <= c.nanos("maxSampleGap")) {
                // A start (or a new stop) within one sampling gap of the reset leaves nothing to judge:
                // no sample could show motion in between. The clause still needs one long window.
                return;
            }
            w.readings(end, endedBy, complete, evidence);
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            Window w = open;
            if (w != null) {
                long end = Math.min(Math.max(endNs, w.startNs), w.endNs);
                close(w, end, endNs >= w.endNs ? "end of observation" : "end of the telemetry", endNs >= w.endNs);
            }
            if (windows == 0) {
                evidence.problem(power
                        ? "no power restore in the telemetry (looked for power_restored events and the safety state's mode leaving "
                                + Triggers.UNPOWERED + ")"
                        : "no e-stop reset in the telemetry (looked for estop_reset events and the safety state's e-stop input falling)");
            } else if (!longEnough) {
                evidence.problem("no %s was followed by %s without a start command".formatted(power ? "power restore" : "e-stop reset",
                        Times.ms(c.nanos("minObservation"))));
            }
            return evidence.build();
        }
    }

    private static final class Window {
        final ClauseSetup c;
        final Opening trigger;
        final long startNs;
        final long endNs;
        final Map<String, Peak> joints = new LinkedHashMap<>();
        final Peak base = new Peak("base speed", "m/s");
        final Peak turn = new Peak("base turn rate", "rad/s");

        Window(ClauseSetup c, Opening trigger) {
            this.c = c;
            this.trigger = trigger;
            this.startNs = trigger.latestNs();
            this.endNs = startNs + c.nanos("observationWindow");
            c.robot().joints().forEach(j -> joints.put(j.name(), new Peak("speed of " + j.name(), "rad/s")));
        }

        void add(Sample s) {
            if (s instanceof org.hcert.telemetry.JointStateSample j) {
                for (int i = 0; i < j.size(); i++) {
                    double v = j.hasVelocity() ? Math.abs(j.velocityRadS(i)) : Double.NaN;
                    joints.computeIfAbsent(j.names().get(i), n -> new Peak("speed of " + n, "rad/s")).add(startNs, j.tNs(), v);
                }
            } else if (s instanceof org.hcert.telemetry.OdometrySample o) {
                base.add(startNs, o.tNs(), o.linearVelocityMs().norm());
                turn.add(startNs, o.tNs(), o.angularVelocityRadS().norm());
            }
        }

        private boolean power() {
            return POWER_RESTORED.equals(c.option("after"));
        }

        void readings(long end, String endedBy, boolean complete, ClauseEvidence.Builder out) {
            TimeWindow window = TimeWindow.of(startNs, Math.max(end, startNs));
            List<String> gaps = new ArrayList<>();
            if (!complete && end - startNs < c.nanos("minObservation")) {
                gaps.add("the telemetry ends %s after the %s; %s without a start are needed"
                        .formatted(Times.ms(end - startNs), power() ? "power restore" : "reset", Times.ms(c.nanos("minObservation"))));
            }
            long bracket = trigger.latestNs() - trigger.earliestNs();
            if (bracket > c.nanos("maxTriggerUncertainty")) {
                gaps.add("the %s was seen only through the sampled safety state, between %s and %s (%s), more than "
                        .formatted(power() ? "power restore" : "reset", TimeWindow.of(trigger.earliestNs(), trigger.earliestNs()),
                                TimeWindow.of(trigger.latestNs(), trigger.latestNs()), Times.ms(bracket))
                        + "maxTriggerUncertainty %s: motion in between is not attributed".formatted(Times.ms(c.nanos("maxTriggerUncertainty"))));
            }
            long maxGap = c.nanos("maxSampleGap");
            String fastest = "";
            double fastestV = 0;
            long fastestAt = startNs;
            for (Map.Entry<String, Peak> e : joints.entrySet()) {
                e.getValue().gaps(e.getKey(), end, maxGap, gaps);
                if (e.getValue().max > fastestV) {
                    fastestV = e.getValue().max;
                    fastest = e.getKey();
                    fastestAt = e.getValue().maxAtNs;
                }
            }
            List<String> baseGaps = new ArrayList<>(gaps);
            base.gaps("base", end, maxGap, baseGaps);
            String seen = "%s: %s%s; window ended by %s".formatted(power() ? "power restored" : "reset", trigger.description(),
                    bracket > 0 ? " between %s and %s".formatted(TimeWindow.of(trigger.earliestNs(), trigger.earliestNs()),
                            TimeWindow.of(trigger.latestNs(), trigger.latestNs())) : "", endedBy);
            boolean unknownJoint = joints.values().stream().anyMatch(p -> p.unknown > 0);
            out.add(RestartAfterReset.JOINT_SPEED, unknownJoint
                    ? Reading.none(fastest, window, gaps, seen)
                    : Reading.of(fastest, window, fastestV, gaps, "%s; fastest joint %s at %s".formatted(seen,
                            fastest.isEmpty() ? "(none)" : fastest, TimeWindow.of(fastestAt, fastestAt)))
                            .withTraces(joints.containsKey(fastest) ? joints.get(fastest).traces() : List.of()));
            out.add(RestartAfterReset.BASE_SPEED, base.reading(window, baseGaps, seen));
            if (c.judges(RestartAfterReset.BASE_TURN_RATE)) {
                out.add(RestartAfterReset.BASE_TURN_RATE, turn.reading(window, baseGaps, seen));
            }
        }
    }

    /** The largest value of one channel in a window, and its sampling gaps. */
    private static final class Peak {
        final String signal;
        final String unit;
        /** The values seen, for the plot; made with the first. */
        @Nullable TraceRecorder trace;
        double max;
        long maxAtNs;
        long samples;
        long unknown;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;

        Peak(String signal, String unit) {
            this.signal = signal;
            this.unit = unit;
        }

        List<Trace> traces() {
            TraceRecorder t = trace;
            return t == null ? List.of() : List.of(t.trace());
        }

        void add(long startNs, long tNs, double v) {
            TraceRecorder t = trace;
            if (t == null) {
                t = new TraceRecorder(signal, unit, Trace.LimitOn.VALUE,
                        Optional.empty());
                trace = t;
            }
            t.add(tNs, v);
            maxGapNs = Math.max(maxGapNs, tNs - (lastNs == Long.MIN_VALUE ? startNs : lastNs));
            lastNs = tNs;
            samples++;
            if (!Double.isFinite(v)) {
                unknown++;
            } else if (v > max || samples - unknown == 1) {
                max = Math.max(max, v);
                maxAtNs = tNs;
            }
        }

        void gaps(String name, long end, long maxGap, List<String> out) {
            if (samples == 0) {
                out.add(name + " did not report in the window");
                return;
            }
            long gap = Math.max(maxGapNs, end - lastNs);
            if (gap > maxGap) {
                out.add("%s samples have a gap of %s (at most %s allowed)".formatted(name, Times.ms(gap), Times.ms(maxGap)));
            }
            if (unknown > 0) {
                out.add("%d samples of %s have no usable value".formatted(unknown, name));
            }
        }

        Reading reading(TimeWindow window, List<String> gaps, String seen) {
            if (samples == 0 || unknown > 0) {
                return Reading.none("base", window, gaps, seen);
            }
            return Reading.of("base", window, max, gaps, "%s; fastest at %s".formatted(seen, TimeWindow.of(maxAtNs, maxAtNs)))
                    .withTraces(traces());
        }
    }
}
