package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * No restart without a start command: between a reset and the next explicit start, no joint and no
 * part of the base moves above noise level.
 *
 * <p>A reset is an {@code estop_reset} event or the safety state's e-stop input falling, counted
 * once per e-stop (a recording that begins latched counts too). Its window ends at a {@code start}
 * event, at the next stop, after {@code observationWindow}, or at the end of the telemetry. Every
 * window is judged, but one that a start or a new stop ends within {@code maxSampleGap} of its reset
 * (a reset followed at once by a start) holds no sample to judge; a window that the telemetry cuts
 * short of {@code minObservation} is incomplete, and at least one window must reach
 * {@code minObservation} without a start.
 */
final class RestartAfterReset implements Family {

    static final String JOINT_SPEED = "jointSpeedAfterReset";
    static final String BASE_SPEED = "baseSpeedAfterReset";
    static final String BASE_TURN_RATE = "baseTurnRateAfterReset";

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
        return List.of(new OptionName("after", List.of("estop-reset"), "what opens a window"));
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
                        "live: how long the robot may take to stop before the e-stop is released and reset"));
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
        return new LiveAction(s -> s.estopThenResetWithoutStart(settle),
                Duration.ofNanos(clause.nanos("observationWindow")).plusMillis(500));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    private static final class Evaluation implements Evaluator {
        private final ClauseSetup c;
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
        }

        @Override
        public void accept(Sample s) {
            boolean stop = stops.onSample(s).isPresent();
            String reset = reset(s);
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
                    open = new Window(c, reset, s.tNs());
                }
            }
            Window now = open;
            if (now != null) {
                now.add(s);
            }
        }

        private @Nullable String reset(Sample s) {
            String reset = null;
            if (s instanceof EventSample e && EventSample.ESTOP_RESET.equals(e.kind())) {
                reset = "estop_reset event";
            } else if (s instanceof SafetyStateSample safety) {
                SafetyStateSample before = lastSafety;
                if (before == null && latched == null) {
                    latched = safety.estop();
                }
                if (before != null && before.estop() && !safety.estop()) {
                    reset = "safety state e-stop input released";
                }
                lastSafety = safety;
            }
            return Boolean.FALSE.equals(latched) ? null : reset;
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
                evidence.problem("no e-stop reset in the telemetry (looked for estop_reset events and the safety state's e-stop input falling)");
            } else if (!longEnough) {
                evidence.problem("no e-stop reset was followed by %s without a start command".formatted(Times.ms(c.nanos("minObservation"))));
            }
            return evidence.build();
        }
    }

    private static final class Window {
        final ClauseSetup c;
        final String trigger;
        final long startNs;
        final long endNs;
        final Map<String, Peak> joints = new LinkedHashMap<>();
        final Peak base = new Peak();
        final Peak turn = new Peak();

        Window(ClauseSetup c, String trigger, long startNs) {
            this.c = c;
            this.trigger = trigger;
            this.startNs = startNs;
            this.endNs = startNs + c.nanos("observationWindow");
            c.robot().joints().forEach(j -> joints.put(j.name(), new Peak()));
        }

        void add(Sample s) {
            if (s instanceof org.hcert.telemetry.JointStateSample j) {
                for (int i = 0; i < j.size(); i++) {
                    double v = j.hasVelocity() ? Math.abs(j.velocityRadS(i)) : Double.NaN;
                    joints.computeIfAbsent(j.names().get(i), n -> new Peak()).add(startNs, j.tNs(), v);
                }
            } else if (s instanceof org.hcert.telemetry.OdometrySample o) {
                base.add(startNs, o.tNs(), o.linearVelocityMs().norm());
                turn.add(startNs, o.tNs(), o.angularVelocityRadS().norm());
            }
        }

        void readings(long end, String endedBy, boolean complete, ClauseEvidence.Builder out) {
            TimeWindow window = TimeWindow.of(startNs, Math.max(end, startNs));
            List<String> gaps = new ArrayList<>();
            if (!complete && end - startNs < c.nanos("minObservation")) {
                gaps.add("the telemetry ends %s after the reset; %s without a start are needed"
                        .formatted(Times.ms(end - startNs), Times.ms(c.nanos("minObservation"))));
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
            String seen = "reset: %s; window ended by %s".formatted(trigger, endedBy);
            boolean unknownJoint = joints.values().stream().anyMatch(p -> p.unknown > 0);
            out.add(RestartAfterReset.JOINT_SPEED, unknownJoint
                    ? Reading.none(fastest, window, gaps, seen)
                    : Reading.of(fastest, window, fastestV, gaps, "%s; fastest joint %s at %s".formatted(seen,
                            fastest.isEmpty() ? "(none)" : fastest, TimeWindow.of(fastestAt, fastestAt))));
            out.add(RestartAfterReset.BASE_SPEED, base.reading(window, baseGaps, seen));
            if (c.judges(RestartAfterReset.BASE_TURN_RATE)) {
                out.add(RestartAfterReset.BASE_TURN_RATE, turn.reading(window, baseGaps, seen));
            }
        }
    }

    /** The largest value of one channel in a window, and its sampling gaps. */
    private static final class Peak {
        double max;
        long maxAtNs;
        long samples;
        long unknown;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;

        void add(long startNs, long tNs, double v) {
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
            return Reading.of("base", window, max, gaps, "%s; fastest at %s".formatted(seen, TimeWindow.of(maxAtNs, maxAtNs)));
        }
    }
}
