package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.NON_NEGATIVE;
import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
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
 * Stop response: after a stop input asserts, every joint and the base come to standstill within a
 * time limit, and (optionally) drive power is off at the end.
 *
 * <p>Standstill: every joint's |velocity| below {@code standstillJointSpeed}, the base's linear
 * speed below {@code standstillBaseSpeed} and its turn rate below {@code standstillBaseTurnRate},
 * each after a centred moving mean over {@code standstillSmoothing}, held until the window ends
 * (at least {@code minStandstillHold}). The joints are those the robot declares and any other the
 * telemetry reports; a declared joint that stops reporting is a gap in the evidence. The stop time
 * runs from the earliest instant the trigger may have asserted. A window lasts
 * {@code observationWindow} and ends earlier at the next stop, reset, start or motion command. Optionally, the
 * {@code fault} events the robot logs in the window are counted (a normal stop raises none).
 */
final class StopResponse implements Family {

    static final String STOP_TIME = "stopTime";
    static final String DRIVE_ENABLED_AT_END = "driveEnabledAtEnd";
    static final String FAULT_EVENTS = "faultEvents";
    /** The fault hcert's rig injects live for a {@code safety-fault} trigger. */
    static final String LIVE_SAFETY_FAULT = "encoder_dropout";

    @Override
    public String name() {
        return "stop-response";
    }

    @Override
    public String summary() {
        return "after a stop input asserts, all joints and the base reach standstill within a time limit; drive power state at the end";
    }

    @Override
    public List<OptionName> options() {
        return List.of(new OptionName("trigger", List.of("estop", "protective-stop", "normal-stop", "any-stop", "safety-fault"),
                "which stop input opens a window"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.required(STOP_TIME, Dimension.TIME, "stop time"),
                LimitName.optional(DRIVE_ENABLED_AT_END, Dimension.RATIO, "drive power at end of stop (1 = on)"),
                LimitName.optional(FAULT_EVENTS, Dimension.COUNT, "fault events during the stop"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("standstillJointSpeed", Dimension.ANGULAR_SPEED, NON_NEGATIVE,
                        "joint speed below which a joint is at rest"),
                ParameterName.required("standstillBaseSpeed", Dimension.SPEED, NON_NEGATIVE,
                        "base linear speed below which the base is at rest"),
                ParameterName.optional("standstillBaseTurnRate", Dimension.ANGULAR_SPEED, NON_NEGATIVE,
                        new Quantity(0.01, Unit.RADIAN_PER_SECOND), "base turn rate below which the base is at rest"),
                ParameterName.optional("standstillSmoothing", Dimension.TIME, NON_NEGATIVE,
                        new Quantity(0, Unit.MILLISECOND), "width of the centred moving mean before the standstill test"),
                ParameterName.required("observationWindow", Dimension.TIME, POSITIVE, "how long after the trigger to watch"),
                ParameterName.required("minStandstillHold", Dimension.TIME, NON_NEGATIVE,
                        "how long standstill must be seen held before the window ends"),
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in any joint's or the base's samples that still counts as evidence"),
                ParameterName.optional("maxTriggerUncertainty", Dimension.TIME, POSITIVE,
                        new Quantity(20, Unit.MILLISECOND),
                        "widest bracket of a trigger seen only through the sampled safety state"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        Set<Role> roles = EnumSet.of(Role.JOINTS, Role.ODOMETRY);
        if (clause.judges(DRIVE_ENABLED_AT_END)) {
            roles.add(Role.SAFETY_STATE);
        }
        if (clause.judges(FAULT_EVENTS)) {
            roles.add(Role.EVENTS);
        }
        return roles;
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.SAFETY_STATE, Role.EVENTS);
    }

    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        Triggers.Kind kind = Triggers.Kind.of(clause.option("trigger"));
        return new LiveAction(s -> assertTrigger(s, kind), Duration.ofMillis(clause.nanos("observationWindow") / 1_000_000 + 500));
    }

    static void assertTrigger(LiveSession s, Triggers.Kind kind) {
        switch (kind) {
            case PROTECTIVE_STOP -> s.assertProtectiveStop();
            case NORMAL_STOP -> s.stopWalking("hcert: normal stop");
            case SAFETY_FAULT -> s.injectSafetyFault(LIVE_SAFETY_FAULT);
            case POWER_LOSS -> s.cutPower();
            default -> s.assertEstop();
        }
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    /** One pass: smoothed speeds feed the open window; windows close at their end or the next event. */
    private static final class Evaluation extends Evaluator implements Motion.Listener {
        private final ClauseSetup c;
        private final Triggers triggers;
        private final Triggers.WindowEnds ends = new Triggers.WindowEnds();
        private final Motion motion;
        private final ClauseEvidence.Builder evidence = new ClauseEvidence.Builder();
        private @Nullable Window open;
        private int windows;

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.triggers = new Triggers(Triggers.Kind.of(c.option("trigger")));
            this.motion = new Motion(c.nanos("standstillSmoothing"), this);
        }

        @Override
        public void accept(Sample s) {
            Window w = open;
            boolean ended = ends.onSample(s).endsStopWindow();
            // a stop, reset or start at the trigger's own instant (its event beside the state that shows it) is the same stop
            if (w != null && (s.tNs() > w.endNs || (ended && s.tNs() > w.startNs))) {
                close(w, Math.min(s.tNs(), w.endNs), s.tNs() > w.endNs ? "end of observation" : "the next stop, reset, start or motion command");
            }
            var trigger = triggers.onSample(s);
            boolean opened = false;
            if (trigger.isPresent() && open == null) {
                open = new Window(c, trigger.get());
                opened = true;
            }
            Window now = open;
            if (now != null && !opened && s instanceof EventSample e && Triggers.FAULT.equals(e.kind())) {
                now.fault(e);
            }
            motion.accept(s);
            if (open != null && s instanceof SafetyStateSample safety) {
                open.safety(safety);
            }
        }

        @Override
        public void joint(int id, String name, long tNs, double speedRadS) {
            Window w = open;
            if (w != null) {
                w.joint(id, name, tNs, speedRadS);
            }
        }

        /** Speeds count only inside an open window (see {@link #joint}); outside, their means are not computed. */
        @Override
        public boolean listening() {
            return open != null;
        }

        /** A window takes speeds from its start on ({@link Window#joint}, {@link Window#base}). */
        @Override
        public long listeningFromNs() {
            Window w = open;
            return w == null ? Long.MIN_VALUE : w.startNs;
        }

        @Override
        public void base(long tNs, double linearMs, double angularRadS) {
            Window w = open;
            if (w != null) {
                w.base(tNs, linearMs, angularRadS);
            }
        }

        private void close(Window w, long endNs, String endedBy) {
            w.cutoffNs = endNs;
            motion.flush();
            open = null;
            windows++;
            w.readings(endNs, endedBy, evidence);
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            Window w = open;
            if (w != null) {
                w.cutByTelemetry = endNs < w.endNs;
                close(w, Math.min(Math.max(endNs, w.startNs), w.endNs), endNs >= w.endNs ? "end of observation" : "end of the telemetry");
            }
            if (windows == 0) {
                evidence.problem("no %s asserted in the telemetry (looked for its event and the safety state's input rising)"
                        .formatted(triggers.kind().words));
            }
            return evidence.build();
        }
    }

    /** One stop: the channels' settling since the trigger, and the drive state. */
    private static final class Window {
        final ClauseSetup c;
        final Triggers.Trigger trigger;
        final long startNs;
        final long endNs;
        final Map<String, Settling> joints = new LinkedHashMap<>();
        /** The joints' settling by the motion's joint id (a look-up by name per joint sample costs more than the rest). */
        final List<@Nullable Settling> byId = new ArrayList<>();
        final Settling base = new Settling();
        long cutoffNs = Long.MAX_VALUE;
        /** Read once: the per-sample tests below run for every joint at up to 1 kHz. */
        final double jointSpeedRadS;
        final double baseSpeedMs;
        final double baseTurnRateRadS;
        long safetySamples;
        long driveOffNs = Long.MIN_VALUE;
        boolean cutByTelemetry;
        int faults;
        String firstFault = "";
        /** For the plot: the fastest joint at each joint-state instant, the base's speed and turn rate. */
        final TraceRecorder fastestJoint;
        final TraceRecorder baseSpeed;
        final TraceRecorder baseTurnRate;
        long jointInstantNs = Long.MIN_VALUE;
        double fastestAtInstant = Double.NaN;

        Window(ClauseSetup c, Triggers.Trigger trigger) {
            this.c = c;
            this.trigger = trigger;
            this.startNs = trigger.latestNs();
            this.endNs = trigger.earliestNs() + c.nanos("observationWindow");
            this.jointSpeedRadS = c.parameter("standstillJointSpeed");
            this.baseSpeedMs = c.parameter("standstillBaseSpeed");
            this.baseTurnRateRadS = c.parameter("standstillBaseTurnRate");
            c.robot().joints().forEach(j -> joints.put(j.name(), new Settling()));
            this.fastestJoint = new TraceRecorder("fastest joint |velocity| (smoothed)", "rad/s", Trace.LimitOn.TIME_FROM_START,
                    Optional.of(new Trace.Threshold(jointSpeedRadS, "standstillJointSpeed")));
            this.baseSpeed = new TraceRecorder("base speed", "m/s", Trace.LimitOn.TIME_FROM_START,
                    Optional.of(new Trace.Threshold(baseSpeedMs, "standstillBaseSpeed")));
            this.baseTurnRate = new TraceRecorder("base turn rate", "rad/s", Trace.LimitOn.TIME_FROM_START,
                    Optional.of(new Trace.Threshold(baseTurnRateRadS, "standstillBaseTurnRate")));
        }

        /** The signals the stop time was measured from, for its plot. */
        List<Trace> traces() {
            flushJoints();
            return java.util.stream.Stream.of(fastestJoint, baseSpeed, baseTurnRate).filter(t -> !t.isEmpty())
                    .map(TraceRecorder::trace).toList();
        }

        private void flushJoints() {
            if (jointInstantNs != Long.MIN_VALUE) {
                fastestJoint.add(jointInstantNs, fastestAtInstant);
                jointInstantNs = Long.MIN_VALUE;
                fastestAtInstant = Double.NaN;
            }
        }

        void joint(int id, String name, long tNs, double speedRadS) {
            if (tNs >= startNs && tNs <= cutoffNs) {
                if (id >= byId.size()) {
                    byId.addAll(java.util.Collections.nCopies(id + 1 - byId.size(), null));
                }
                Settling s = byId.get(id);
                if (s == null) {
                    s = joints.computeIfAbsent(name, n -> new Settling());
                    byId.set(id, s);
                }
                s.add(startNs, tNs, speedRadS >= jointSpeedRadS, !Double.isNaN(speedRadS));
                if (tNs != jointInstantNs) {
                    flushJoints();
                    jointInstantNs = tNs;
                }
                if (Double.isNaN(fastestAtInstant) || speedRadS > fastestAtInstant) {
                    fastestAtInstant = speedRadS;
                }
            }
        }

        void base(long tNs, double linearMs, double angularRadS) {
            if (tNs >= startNs && tNs <= cutoffNs) {
                boolean known = !Double.isNaN(linearMs) && !Double.isNaN(angularRadS);
                base.add(startNs, tNs, linearMs >= baseSpeedMs || angularRadS >= baseTurnRateRadS, known);
                baseSpeed.add(tNs, linearMs);
                baseTurnRate.add(tNs, angularRadS);
            }
        }

        void fault(EventSample e) {
            if (e.tNs() >= trigger.earliestNs() && e.tNs() <= cutoffNs) {
                faults++;
                if (firstFault.isEmpty()) {
                    firstFault = "%s at %s%s".formatted(e.kind(), TimeWindow.of(e.tNs(), e.tNs()),
                            e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
                }
            }
        }

        void safety(SafetyStateSample s) {
            safetySamples++;
            if (s.driveEnabled()) {
                driveOffNs = Long.MIN_VALUE;
            } else if (driveOffNs == Long.MIN_VALUE) {
                driveOffNs = s.tNs();
            }
        }

        void readings(long end, String endedBy, ClauseEvidence.Builder out) {
            TimeWindow window = TimeWindow.of(trigger.earliestNs(), Math.max(end, trigger.earliestNs()));
            List<String> gaps = gaps(end);
            long standstill = Long.MIN_VALUE;
            String stillMoving = "";
            String unknown = "";
            long maxGap = c.nanos("maxSampleGap");
            for (Map.Entry<String, Settling> e : channels().entrySet()) {
                Settling s = e.getValue();
                // A channel that stopped reporting while moving is unknown at the end, not "still moving".
                boolean silentAtEnd = s.samples() > 0 && end - s.lastNs() > maxGap;
                if (s.lastSeenMoving() && !silentAtEnd && stillMoving.isEmpty()) {
                    stillMoving = e.getKey();
                } else if ((s.lastUnknown() || (silentAtEnd && s.settledSinceNs() == Long.MIN_VALUE)) && unknown.isEmpty()) {
                    unknown = e.getKey();
                }
                standstill = Math.max(standstill, s.settledSinceNs());
            }
            String seen = "trigger: %s%s; window ended by %s".formatted(trigger.description(),
                    trigger.uncertaintyNs() > 0 ? " between %s and %s".formatted(TimeWindow.of(trigger.earliestNs(),
                            trigger.earliestNs()), TimeWindow.of(trigger.latestNs(), trigger.latestNs())) : "", endedBy);
            if (stillMoving.isEmpty() && !unknown.isEmpty()) {
                // Nothing was seen moving at the end, but a channel's speed was unknown there: no value, never "moving".
                out.add(STOP_TIME, Reading.none("", window, gaps.isEmpty()
                        ? List.of("the speed of %s is unknown at the end of the window".formatted(unknown)) : gaps, seen)
                        .withTraces(traces()));
            } else if (stillMoving.isEmpty() && standstill != Long.MIN_VALUE) {
                List<String> all = new ArrayList<>(gaps);
                long hold = end - standstill;
                if (hold < c.nanos("minStandstillHold")) {
                    all.add("standstill was seen for only %s before the window ended (%s needed)"
                            .formatted(Times.ms(hold), Times.ms(c.nanos("minStandstillHold"))));
                }
                out.add(STOP_TIME, Reading.of("", window, (standstill - trigger.earliestNs()) / 1e9, all,
                        "%s; standstill (every joint, base speed and turn rate below tolerance) from %s"
                                .formatted(seen, TimeWindow.of(standstill, end))).withTraces(traces()));
            } else {
                out.add(STOP_TIME, new Reading("", window, java.util.OptionalDouble.of((end - trigger.earliestNs()) / 1e9),
                        Bound.AT_LEAST, gaps, "%s; NOT at standstill when the window ended%s".formatted(seen,
                                stillMoving.isEmpty() ? "" : " (" + stillMoving + " still moving)")).withTraces(traces()));
            }
            if (c.judges(DRIVE_ENABLED_AT_END)) {
                out.add(DRIVE_ENABLED_AT_END, drive(window, stillMoving.isEmpty() && unknown.isEmpty() && standstill != Long.MIN_VALUE));
            }
            if (c.judges(FAULT_EVENTS)) {
                List<String> cut = cutByTelemetry ? List.of("the telemetry ends %s after the stop; a fault after that is not seen"
                        .formatted(Times.ms(end - trigger.earliestNs()))) : List.of();
                out.add(FAULT_EVENTS, Reading.of("", window, faults, cut, faults == 0
                        ? "%s; no fault event in the window".formatted(seen)
                        : "%s; %d fault event(s), the first: %s".formatted(seen, faults, firstFault)));
            }
        }

        /**
         * Drive power at the end of the stop: off (0) once seen off and not on again; on (1) at the
         * end of a stop that was seen to end; and when the window ended before the stop did, power
         * still on proves nothing (a category 1 stop removes it only at standstill): a bound.
         */
        private Reading drive(TimeWindow window, boolean stopEnded) {
            if (safetySamples == 0) {
                return Reading.none("", window, List.of("no safety-state sample in the window: drive power cannot be judged"), "");
            }
            if (driveOffNs != Long.MIN_VALUE) {
                return Reading.of("", window, 0, List.of(),
                        "drive power off from %s after the stop input".formatted(Times.ms(driveOffNs - trigger.earliestNs())));
            }
            if (!stopEnded) {
                return new Reading("", window, java.util.OptionalDouble.of(1), Bound.AT_MOST,
                        List.of("the stop had not ended when the window did, so drive power at its end is unknown"),
                        "drive power still on when the window ended, before standstill");
            }
            return Reading.of("", window, 1, List.of(), "drive power still ON at the end of the window (stop category 2 behaviour)");
        }

        private Map<String, Settling> channels() {
            Map<String, Settling> all = new LinkedHashMap<>(joints);
            all.put("base", base);
            return all;
        }

        private List<String> gaps(long end) {
            List<String> gaps = new ArrayList<>();
            long maxGap = c.nanos("maxSampleGap");
            if (trigger.uncertaintyNs() > c.nanos("maxTriggerUncertainty")) {
                gaps.add("the trigger was seen only through the sampled safety state: it asserted between %s and %s "
                        .formatted(TimeWindow.of(trigger.earliestNs(), trigger.earliestNs()),
                                TimeWindow.of(trigger.latestNs(), trigger.latestNs()))
                        + "(%s), more than maxTriggerUncertainty %s".formatted(Times.ms(trigger.uncertaintyNs()),
                                Times.ms(c.nanos("maxTriggerUncertainty"))));
            }
            for (Map.Entry<String, Settling> e : channels().entrySet()) {
                Settling s = e.getValue();
                if (s.samples() == 0) {
                    gaps.add("%s did not report in the window".formatted(e.getKey()));
                    continue;
                }
                long gap = Math.max(s.maxGapNs(), end - s.lastNs());
                if (gap > maxGap) {
                    gaps.add("%s samples have a gap of %s (at most %s allowed)".formatted(e.getKey(), Times.ms(gap), Times.ms(maxGap)));
                }
                if (s.unknownSamples() > 0) {
                    gaps.add("%d samples of %s have no usable velocity".formatted(s.unknownSamples(), e.getKey()));
                }
            }
            return gaps;
        }
    }
}
