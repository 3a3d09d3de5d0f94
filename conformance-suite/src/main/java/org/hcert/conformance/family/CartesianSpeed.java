package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * Cartesian speed: the speed of named frames (hands, tools, points on links), computed by forward
 * kinematics from the joint states and the robot profile's {@code kinematics} section, while the
 * safety state shows a mode (e.g. {@code manual_reduced}).
 *
 * <p><b>Speed.</b> At every joint state that carries a joint of a frame's chain, the frame's
 * velocity relative to the base is J·q̇ from each chain joint's latest position and velocity, by
 * name (a joint state may carry any subset of the joints, split over messages). Velocities are used
 * rather than differences of positions: at 1 kHz a position noise of 1e-4 rad would become several
 * cm/s of speed noise on a 0.6 m arm. With {@code reference: world} the base's full twist from the
 * odometry (in the base frame, as ROS odometry gives it in its child frame) is added:
 * v = v_base + ω × p + ṗ, the speed a person next to the robot meets; with {@code base} it is the
 * speed relative to the base, as ISO 10218-1 defines it for a robot whose base stands still. A chain
 * joint (or, for {@code world}, the odometry) that has not reported within {@code maxSampleGap}, or
 * a missing velocity, leaves the frame's speed unknown at that instant: a gap in its evidence.
 *
 * <p><b>Windows.</b> A span of the mode is seen through the sampled safety state: it certainly runs
 * from the first state showing the mode to the last, and the mode is taken as unchanged between two
 * states that both show it. Between the last state without the mode and the first with it (and
 * likewise at the end) the mode is unknown: samples there are not judged, but when that bracket is
 * wider than {@code maxModeUncertainty} and a frame moved faster in it than in the certain span (or
 * its speed was unknown there), the span's evidence is incomplete. With {@code window: mode-span}
 * every span is judged; with {@code over-limit-demand} only spans with a demand above the robot's
 * declared {@code safeSpeedLimit}: a {@code speed_limited} or {@code protective_stop} event, or a
 * frame faster than that limit.
 *
 * <p><b>Readings</b> per window: per frame, the largest speed ({@code frameSpeed}) and the largest
 * speed minus the declared safe speed limit ({@code frameSpeedOverSafeLimit}); and whether the robot
 * logged a limiting event in the window ({@code limitingEventLogged}, 1 or 0).
 */
final class CartesianSpeed implements Family {

    static final String FRAME_SPEED = "frameSpeed";
    static final String OVER_SAFE_LIMIT = "frameSpeedOverSafeLimit";
    static final String EVENT_LOGGED = "limitingEventLogged";
    /** The robot profile's declared key for the configured safe speed limit: {@value}. */
    static final String SAFE_SPEED_LIMIT = "safeSpeedLimit";
    /** Events that show the robot limited a speed or stopped for it. */
    static final List<String> LIMITING_EVENTS = List.of("speed_limited", "protective_stop");
    static final String MODE_SPAN = "mode-span";
    static final String OVER_LIMIT_DEMAND = "over-limit-demand";
    /** Where the live action moves the hand and back, in the base frame (x forward, z up), m: sized for HC-1. */
    static final double[] LIVE_REACH_M = {0.25, -0.08};
    static final double[] LIVE_RETURN_M = {0.10, -0.13};
    /** How long the live action lets each hand move take, ms. */
    static final long LIVE_MOVE_MS = 2_500;

    @Override
    public String name() {
        return "cartesian-speed";
    }

    @Override
    public String summary() {
        return "the Cartesian speed of hand, tool and link frames (forward kinematics of the joint states) while the robot is in a mode";
    }

    @Override
    public List<OptionName> options() {
        return List.of(
                new OptionName("window", List.of(MODE_SPAN, OVER_LIMIT_DEMAND),
                        "every span of the mode, or only spans with a demand above the declared safe speed limit"),
                new OptionName("mode", List.of("manual_reduced"), "the safety state's mode whose spans are judged"),
                new OptionName("reference", List.of("world", "base"),
                        "speed in the world (the base's twist added) or relative to the base"),
                new OptionName("frames", List.of("hands-and-tools", "all"), "which frames of the kinematics are judged"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional(FRAME_SPEED, Dimension.SPEED, "Cartesian speed of the frame"),
                LimitName.optional(OVER_SAFE_LIMIT, Dimension.SPEED, "frame speed above the declared safe speed limit"),
                LimitName.optional(EVENT_LOGGED, Dimension.RATIO, "limiting event logged (1 = yes)"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in a frame's speed samples (and oldest joint or odometry value) that still counts as evidence"),
                ParameterName.optional("maxModeUncertainty", Dimension.TIME, POSITIVE, new Quantity(20, Unit.MILLISECOND),
                        "widest bracket around a mode change that leaves the frames' speeds in it unjudged"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return world(clause) ? EnumSet.of(Role.JOINTS, Role.SAFETY_STATE, Role.ODOMETRY)
                : EnumSet.of(Role.JOINTS, Role.SAFETY_STATE);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.EVENTS);
    }

    private static boolean world(ClauseSetup clause) {
        return "world".equals(clause.option("reference"));
    }

    /**
     * Switch to the mode, move a hand forward and back at twice the safe speed limit (the robot's
     * declared one, else the clause's frame-speed limit, else 0.25 m/s; the harness's interlock may
     * cap it further), then switch back to {@code auto}. The hand is the left one unless the robot
     * has only a right hand frame; the targets are sized for HC-1.
     */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        String mode = clause.option("mode");
        String hand = liveHand(clause.robot().kinematics());
        double safe = clause.robot().declaredValue(SAFE_SPEED_LIMIT).filter(q -> q.dimension() == Dimension.SPEED)
                .map(Quantity::si).orElse(Optional.ofNullable(clause.limits().get(FRAME_SPEED)).map(Limit::valueSi).orElse(0.25));
        double demandMps = 2 * safe;
        return new LiveAction(s -> handMoves(s, mode, hand, demandMps), Duration.ofMillis(300));
    }

    private static void handMoves(LiveSession s, String mode, String hand, double speedMps) {
        s.setMode(mode);
        s.moveHand(hand, LIVE_REACH_M[0], LIVE_REACH_M[1], speedMps, Duration.ofMillis(LIVE_MOVE_MS));
        s.moveHand(hand, LIVE_RETURN_M[0], LIVE_RETURN_M[1], speedMps, Duration.ofMillis(LIVE_MOVE_MS));
        s.setMode(LiveSession.AUTO_MODE);
    }

    private static String liveHand(List<KinematicFrame> frames) {
        List<String> hands = frames.stream().filter(f -> KinematicFrame.HAND.equals(f.kind())).map(KinematicFrame::name).toList();
        boolean onlyRight = !hands.isEmpty() && hands.stream().allMatch(n -> n.contains("right"));
        return onlyRight ? "right" : "left";
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    /** A chain joint's latest value, updated in place (a 1 kHz joint state would otherwise allocate one per joint). */
    private static final class JointValue {
        final String name;
        long tNs;
        double positionRad;
        double velocityRadS;
        /** The frames whose chain holds the joint, by index. */
        final List<Integer> frames = new ArrayList<>();
        boolean reported;

        JointValue() {
            this("");
        }

        JointValue(String name) {
            this.name = name;
        }

        /** Take joint {@code i} of {@code j}; a velocity that is not finite is unknown. */
        void take(JointStateSample j, int i) {
            double v = j.hasVelocity() ? j.velocityRadS(i) : Double.NaN;
            tNs = j.tNs();
            positionRad = j.positionRad(i);
            velocityRadS = Double.isFinite(v) ? v : Double.NaN;
            reported = true;
        }

        void copy(JointValue o) {
            tNs = o.tNs;
            positionRad = o.positionRad;
            velocityRadS = o.velocityRadS;
            reported = o.reported;
        }

        void restore(JointValue saved) {
            copy(saved);
        }
    }

    private static final class Evaluation extends Evaluator {
        /** The most samples put off between two safety states (10 s at 1 kHz) before they are computed as they come. */
        private static final int MAX_DEFERRED = 10_000;
        /** What a joint that no chain holds maps to: nothing is kept for it. */
        private static final JointValue NOT_IN_A_CHAIN = new JointValue();

        private final ClauseSetup c;
        private final String mode;
        private final boolean world;
        private final boolean demandOnly;
        private final long maxGap;
        private final List<KinematicFrame> frames;
        /** Per frame, the values of its chain's joint links in the chain's order. */
        private final JointValue[][] chainOf;
        /** Per frame, scratch for the chain's joint positions and velocities handed to the kinematics. */
        private final double[][] positionsRad;
        private final double[][] velocitiesRadS;
        /** Every chain joint's value, reported or not; other joints are not kept. */
        private final Map<String, JointValue> chainValues = new HashMap<>();
        private final JointLayouts<JointValue> layouts = new JointLayouts<>(
                (topic, name) -> chainValues.getOrDefault(name, NOT_IN_A_CHAIN));
        /** The chain joints' values, and a copy of each as it was at the last safety state. */
        private final List<JointValue> chainList;
        private final JointValue[] atState;
        /** The joint states and odometry since the last safety state whose speeds are put off (see {@link #deferring}). */
        private final List<Sample> deferred = new ArrayList<>();
        private @Nullable OdometrySample odometryAtState;
        private boolean eager;
        private final boolean[] touched;
        private final Optional<Quantity> safeLimit;
        private final ClauseEvidence.Builder out = new ClauseEvidence.Builder();
        /** Per frame, the speed samples since the last safety state. */
        private Stretch[] sinceState = new Stretch[0];
        private List<EventSample> eventsSinceState = new ArrayList<>();
        private @Nullable OdometrySample odometry;
        private @Nullable SafetyStateSample lastState;
        private boolean lastInMode;
        private @Nullable Span open;
        private long firstNs = Long.MIN_VALUE;
        private int spans;
        private int judged;
        private final Set<String> modesSeen = new java.util.LinkedHashSet<>();

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.mode = c.option("mode");
            this.world = world(c);
            this.demandOnly = OVER_LIMIT_DEMAND.equals(c.option("window"));
            this.maxGap = c.nanos("maxSampleGap");
            boolean all = "all".equals(c.option("frames"));
            this.frames = c.robot().kinematics().stream().filter(f -> all || f.handOrTool()).toList();
            this.chainOf = new JointValue[frames.size()][];
            this.positionsRad = new double[frames.size()][];
            this.velocitiesRadS = new double[frames.size()][];
            for (int i = 0; i < frames.size(); i++) {
                List<JointValue> links = new ArrayList<>();
                for (KinematicFrame.Link link : frames.get(i).chain()) {
                    if (!link.joint().isEmpty()) {
                        JointValue v = chainValues.computeIfAbsent(link.joint(), name -> new JointValue(name));
                        if (!v.frames.contains(i)) {
                            v.frames.add(i);
                        }
                        links.add(v);
                    }
                }
                chainOf[i] = links.toArray(JointValue[]::new);
                positionsRad[i] = new double[links.size()];
                velocitiesRadS[i] = new double[links.size()];
            }
            this.chainList = List.copyOf(chainValues.values());
            this.atState = chainList.stream().map(v -> new JointValue(v.name)).toArray(JointValue[]::new);
            this.touched = new boolean[frames.size()];
            this.safeLimit = c.robot().declaredValue(SAFE_SPEED_LIMIT).filter(q -> q.dimension() == Dimension.SPEED);
            resetStretches();
        }

        private void resetStretches() {
            sinceState = fresh(frames.size());
            eventsSinceState = new ArrayList<>();
        }

        @Override
        public void accept(Sample s) {
            if (firstNs == Long.MIN_VALUE) {
                firstNs = s.tNs();
            }
            if (s instanceof JointStateSample j) {
                if (deferring()) {
                    defer(j);
                    values(j);
                } else {
                    joints(j);
                }
            } else if (s instanceof OdometrySample o) {
                if (deferring()) {
                    defer(o);
                }
                odometry = o;
            } else if (s instanceof EventSample e && LIMITING_EVENTS.contains(e.kind())) {
                eventsSinceState.add(e);
            } else if (s instanceof SafetyStateSample st) {
                state(st);
            }
        }

        /**
         * Whether the speeds since the last safety state are put off: outside the mode they count
         * only if the next state shows the mode (they are then its entry bracket), so the forward
         * kinematics of a recording that is mostly outside the mode is computed only around its
         * spans. The chain's values and the odometry at the last state are kept to compute them then.
         */
        private boolean deferring() {
            return !lastInMode && !eager;
        }

        private void defer(Sample s) {
            deferred.add(s);
            if (deferred.size() > MAX_DEFERRED) {
                computeDeferred(); // a long time without a safety state: compute them now, as it goes on
                eager = true;
            }
        }

        /** The speeds of the deferred samples, from the chain's values at the last state: they are wanted after all. */
        private void computeDeferred() {
            for (int k = 0; k < chainList.size(); k++) {
                chainList.get(k).restore(atState[k]);
            }
            odometry = odometryAtState;
            for (Sample d : deferred) {
                if (d instanceof JointStateSample j) {
                    joints(j);
                } else if (d instanceof OdometrySample o) {
                    odometry = o;
                }
            }
            deferred.clear();
        }

        /** A safety state: what was deferred is computed if the mode begins, else dropped; what is kept for the next is taken. */
        private void atState(boolean in) {
            if (in && !deferred.isEmpty()) {
                computeDeferred();
            }
            deferred.clear();
            eager = false;
            for (int k = 0; k < chainList.size(); k++) {
                atState[k].copy(chainList.get(k));
            }
            odometryAtState = odometry;
        }

        /** Take the chain joints' values of {@code j}, without computing a speed. */
        private void values(JointStateSample j) {
            List<JointValue> byIndex = layouts.of(j);
            for (int i = 0; i < byIndex.size(); i++) {
                JointValue value = byIndex.get(i);
                if (value != NOT_IN_A_CHAIN) {
                    value.take(j, i);
                }
            }
        }

        private void joints(JointStateSample j) {
            java.util.Arrays.fill(touched, false);
            List<JointValue> byIndex = layouts.of(j);
            for (int i = 0; i < byIndex.size(); i++) {
                JointValue value = byIndex.get(i);
                if (value == NOT_IN_A_CHAIN) {
                    continue;
                }
                value.take(j, i);
                for (int f : value.frames) {
                    touched[f] = true;
                }
            }
            for (int i = 0; i < frames.size(); i++) {
                if (touched[i] || chainOf[i].length == 0) {
                    speed(i, j.tNs());
                }
            }
        }

        /** The frame's speed at {@code tNs}, or why it is unknown. */
        private void speed(int index, long tNs) {
            KinematicFrame f = frames.get(index);
            Stretch stretch = sinceState[index];
            JointValue[] chain = chainOf[index];
            double[] q = positionsRad[index];
            double[] dq = velocitiesRadS[index];
            for (int k = 0; k < chain.length; k++) {
                JointValue v = chain[k];
                if (!v.reported) {
                    stretch.unknown(tNs, () -> "joint %s has not reported".formatted(v.name));
                    return;
                }
                if (tNs - v.tNs > maxGap) {
                    stretch.unknown(tNs, () -> "joint %s has not reported for %s".formatted(v.name, Times.ms(tNs - v.tNs)));
                    return;
                }
                if (!Double.isFinite(v.positionRad) || !Double.isFinite(v.velocityRadS)) {
                    stretch.unknown(tNs, () -> "joint %s has no usable position or velocity".formatted(v.name));
                    return;
                }
                q[k] = v.positionRad;
                dq[k] = v.velocityRadS;
            }
            ForwardKinematics.State state = ForwardKinematics.of(f, q, dq);
            Vector3 v = state.velocityMps();
            if (world) {
                OdometrySample o = odometry;
                if (o == null || tNs - o.tNs() > maxGap) {
                    stretch.unknown(tNs, () -> o == null ? "no odometry yet" : "the odometry has not reported for %s".formatted(Times.ms(tNs - o.tNs())));
                    return;
                }
                Vector3 lin = o.linearVelocityMs();
                Vector3 w = o.angularVelocityRadS();
                Vector3 p = state.positionM();
                v = new Vector3(v.x() + lin.x() + w.y() * p.z() - w.z() * p.y(),
                        v.y() + lin.y() + w.z() * p.x() - w.x() * p.z(),
                        v.z() + lin.z() + w.x() * p.y() - w.y() * p.x());
            }
            double speed = v.norm();
            if (Double.isFinite(speed)) {
                stretch.seen(tNs, speed);
            } else {
                stretch.unknown(tNs, () -> "its speed is not finite");
            }
        }

        private void state(SafetyStateSample st) {
            modesSeen.add(st.mode());
            boolean in = mode.equals(st.mode());
            atState(in);
            SafetyStateSample before = lastState;
            if (in && (before == null || !lastInMode)) {
                long from = before == null ? Math.min(firstNs, st.tNs()) : before.tNs();
                open = new Span(st.tNs(), from, sinceState, eventsSinceState, before == null);
            } else if (in) {
                Span span = open;
                if (span != null) {
                    span.certain(st.tNs(), sinceState, eventsSinceState);
                }
            } else if (lastInMode) {
                Span span = open;
                if (span != null) {
                    span.exit(st.tNs(), sinceState, eventsSinceState);
                    close(span, "the safety state showing mode %s at %s".formatted(st.mode(), Times.instant(st.tNs())));
                }
                open = null;
            }
            resetStretches();
            lastState = st;
            lastInMode = in;
        }

        private void close(Span span, String endedBy) {
            spans++;
            boolean demand = !span.events.isEmpty() || (safeLimit.isPresent()
                    && java.util.Arrays.stream(span.certain).anyMatch(s -> s.count > 0 && s.max > safeLimit.get().si()));
            if (demandOnly && !demand) {
                return;
            }
            judged++;
            TimeWindow window = TimeWindow.of(span.startNs, Math.max(span.startNs, span.endNs));
            String seen = "mode %s in the safety states from %s to %s (entered %s; ended by %s); speed %s".formatted(
                    mode, Times.instant(span.startNs), Times.instant(span.endNs),
                    span.entryFromStart ? "before the first safety state" : "after the state at " + Times.instant(span.entryFromNs),
                    endedBy, world ? "in the world (base twist added)" : "relative to the base");
            for (int i = 0; i < frames.size(); i++) {
                KinematicFrame f = frames.get(i);
                Stretch s = span.certain[i];
                List<String> gaps = gaps(f.name(), span, i);
                Optional<Trace.Threshold> safe = safeLimit.map(q -> new Trace.Threshold(q.si(), "declared safe speed limit"));
                if (c.judges(FRAME_SPEED)) {
                    out.add(FRAME_SPEED, s.count == 0 ? Reading.none(f.name(), window, gaps, seen)
                            : Reading.of(f.name(), window, s.max, gaps, "%s; fastest at %s".formatted(seen, Times.instant(s.maxAtNs)))
                                    .withTraces(s.traces(f.name(), Trace.LimitOn.VALUE, safe)));
                }
                if (c.judges(OVER_SAFE_LIMIT)) {
                    if (safeLimit.isEmpty() || s.count == 0) {
                        out.add(OVER_SAFE_LIMIT, Reading.none(f.name(), window, gaps, seen));
                    } else {
                        double limit = safeLimit.get().si();
                        out.add(OVER_SAFE_LIMIT, Reading.of(f.name(), window, s.max - limit, gaps,
                                "%s; fastest %s m/s at %s against the declared safe speed limit %s (%s)".formatted(seen,
                                        Quantity.format(s.max), Times.instant(s.maxAtNs), safeLimit.get(),
                                        "declared." + SAFE_SPEED_LIMIT)).withTraces(s.traces(f.name(), Trace.LimitOn.NONE, safe)));
                    }
                }
            }
            if (c.judges(EVENT_LOGGED)) {
                Optional<EventSample> first = span.events.stream().findFirst();
                out.add(EVENT_LOGGED, Reading.of("", window, first.isPresent() ? 1 : 0, List.of(), first
                        .map(e -> "%s; %s event at %s: %s".formatted(seen, e.kind(), Times.instant(e.tNs()), e.detail()))
                        .orElse("%s; no %s event from the mode's entry to its end".formatted(seen, String.join(" or ", LIMITING_EVENTS)))));
            }
        }

        private List<String> gaps(String frame, Span span, int i) {
            Stretch s = span.certain[i];
            List<String> gaps = new ArrayList<>();
            if (s.count == 0) {
                gaps.add("%s has no usable speed sample in the span%s".formatted(frame,
                        s.firstUnknown.isEmpty() ? "" : " (" + s.firstUnknown + ")"));
            } else {
                long gap = Math.max(s.maxGapNs, Math.max(s.firstNs - span.startNs, span.endNs - s.lastNs));
                if (gap > maxGap) {
                    gaps.add("%s speed samples have a gap of %s (at most %s allowed)".formatted(frame, Times.ms(gap), Times.ms(maxGap)));
                }
            }
            if (s.unknown > 0) {
                gaps.add("%d speed samples of %s are unknown (first: %s)".formatted(s.unknown, frame, s.firstUnknown));
            }
            bracket(frame, span.entry[i], span.entryWidthNs(), "entry", s, gaps);
            if (span.exit.length > i) {
                bracket(frame, span.exit[i], span.exitWidthNs, "end", s, gaps);
            }
            if (safeLimit.isEmpty() && c.judges(OVER_SAFE_LIMIT)) {
                gaps.add("robot profile %s declares no %s (a speed)".formatted(c.robot().profile(), SAFE_SPEED_LIMIT));
            }
            return gaps;
        }

        private void bracket(String frame, Stretch b, long widthNs, String which, Stretch certain, List<String> gaps) {
            long allowed = c.nanos("maxModeUncertainty");
            if (widthNs <= allowed) {
                return;
            }
            boolean faster = b.count > 0 && (certain.count == 0 || b.max > certain.max);
            if (faster || b.unknown > 0) {
                gaps.add(("around the mode's %s the safety states are %s apart (more than maxModeUncertainty %s), so the mode there is "
                        + "unknown, and %s %s").formatted(which, Times.ms(widthNs), Times.ms(allowed), frame, faster
                                ? "moved faster there (%s m/s at %s) than in the span".formatted(Quantity.format(b.max), Times.instant(b.maxAtNs))
                                : "has unknown speeds there"));
            }
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            Span span = open;
            if (span != null) {
                span.exit(Math.max(endNs, span.endNs), sinceState, eventsSinceState);
                span.exitWidthNs = Math.max(0, endNs - span.endNs);
                close(span, "the end of the telemetry");
                open = null;
            }
            if (frames.isEmpty()) {
                out.problem(("robot profile %s declares no %s frame in its kinematics section: the Cartesian speed cannot be computed "
                        + "(add kinematics.frames with their joint chains)").formatted(c.robot().profile(),
                        "all".equals(c.option("frames")) ? "" : "hand or tool"));
            }
            if (spans == 0) {
                out.problem("the safety state never shows mode %s, so no span of it could be judged (modes seen: %s)"
                        .formatted(mode, modesSeen.isEmpty() ? "none" : String.join(", ", modesSeen)));
            } else if (judged == 0) {
                out.problem(("no demand above the safe speed limit was seen in mode %s: no %s event and no frame faster than %s; "
                        + "command a hand faster than the limit in that mode").formatted(mode, String.join(" or ", LIMITING_EVENTS),
                        safeLimit.map(q -> "declared." + SAFE_SPEED_LIMIT + " " + q).orElse("declared." + SAFE_SPEED_LIMIT + " (not declared)")));
            }
            return out.build();
        }
    }

    /** One span of the mode: its certain part, the brackets before and after, and the limiting events. */
    private static final class Span {
        final long startNs;
        final long entryFromNs;
        final boolean entryFromStart;
        final Stretch[] entry;
        final Stretch[] certain;
        Stretch[] exit = new Stretch[0];
        long endNs;
        long exitWidthNs;
        final List<EventSample> events = new ArrayList<>();

        Span(long startNs, long entryFromNs, Stretch[] entry, List<EventSample> entryEvents, boolean entryFromStart) {
            this.startNs = startNs;
            this.endNs = startNs;
            this.entryFromNs = entryFromNs;
            this.entryFromStart = entryFromStart;
            this.entry = entry;
            this.certain = fresh(entry.length);
            events.addAll(entryEvents);
        }

        long entryWidthNs() {
            return startNs - entryFromNs;
        }

        void certain(long stateNs, Stretch[] stretches, List<EventSample> more) {
            for (int i = 0; i < certain.length; i++) {
                certain[i].absorb(stretches[i]);
            }
            events.addAll(more);
            endNs = stateNs;
        }

        void exit(long stateNs, Stretch[] stretches, List<EventSample> more) {
            exit = stretches;
            exitWidthNs = stateNs - endNs;
            events.addAll(more);
        }
    }

    private static Stretch[] fresh(int n) {
        Stretch[] out = new Stretch[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Stretch();
        }
        return out;
    }

    /** A frame's speed samples over a stretch of time: the largest, the gaps, the unknown ones. */
    private static final class Stretch {
        long firstNs = Long.MIN_VALUE;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;
        long count;
        double max = Double.NaN;
        long maxAtNs;
        long unknown;
        String firstUnknown = "";
        /** The speeds seen, for the plot; made with the first. */
        @Nullable TraceRecorder trace;

        void seen(long tNs, double speed) {
            TraceRecorder t = trace;
            if (t == null) {
                t = new TraceRecorder("speed", "m/s", Trace.LimitOn.VALUE, Optional.empty());
                trace = t;
            }
            t.add(tNs, speed);
            if (count == 0) {
                firstNs = tNs;
            } else {
                maxGapNs = Math.max(maxGapNs, tNs - lastNs);
            }
            lastNs = tNs;
            count++;
            if (Double.isNaN(max) || speed > max) {
                max = speed;
                maxAtNs = tNs;
            }
        }

        /** An unknown speed at {@code tNs}; only the first one's reason is kept, so it is made only then. */
        void unknown(long tNs, Supplier<String> why) {
            unknown++;
            if (firstUnknown.isEmpty()) {
                firstUnknown = why.get() + " at " + Times.instant(tNs);
            }
        }

        /** The speeds seen, as the plot of frame {@code frame}'s reading: how its limit relates, and the level drawn. */
        List<Trace> traces(String frame, Trace.LimitOn limitOn, Optional<Trace.Threshold> threshold) {
            TraceRecorder t = trace;
            if (t == null) {
                return List.of();
            }
            Trace kept = t.trace();
            return List.of(new Trace("speed of " + frame, kept.unit(), limitOn, kept.points(), threshold, kept.samples()));
        }

        void absorb(Stretch o) {
            TraceRecorder other = o.trace;
            if (other != null) {
                TraceRecorder t = trace;
                if (t == null) {
                    t = new TraceRecorder("speed", "m/s", Trace.LimitOn.VALUE, Optional.empty());
                    trace = t;
                }
                t.absorb(other);
            }
            if (o.count > 0) {
                if (count == 0) {
                    firstNs = o.firstNs;
                    maxGapNs = o.maxGapNs;
                } else {
                    maxGapNs = Math.max(maxGapNs, Math.max(o.maxGapNs, o.firstNs - lastNs));
                }
                lastNs = o.lastNs;
                count += o.count;
                if (Double.isNaN(max) || o.max > max) {
                    max = o.max;
                    maxAtNs = o.maxAtNs;
                }
            }
            unknown += o.unknown;
            if (firstUnknown.isEmpty()) {
                firstUnknown = o.firstUnknown;
            }
        }
    }
}
