package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.NON_NEGATIVE;
import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.TraceRecorder;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * Posture after a stop while walking (or while standing): when a stop asserts in that state, the
 * robot's trunk does not tilt beyond a limit and its pelvis does not sink below a share of its
 * declared nominal height over the following window (no uncontrolled fall).
 *
 * <p>Walking: the base's linear speed at the trigger (its last odometry sample) at least
 * {@code walkingSpeed}, or the safety state's mode {@code walking}. Standing (option
 * {@code while: standing}): that speed known and below {@code walkingSpeed}, and the mode neither
 * {@code walking} nor {@code fallen}. The window lasts {@code observationWindow} from the earliest
 * instant of the trigger and ends earlier at the next stop, reset, start or motion command; a window the telemetry
 * cuts short is incomplete.
 */
final class PostureAfterStop implements Family {

    static final String TRUNK_TILT = "trunkTilt";
    static final String PELVIS_HEIGHT = "pelvisHeightRatio";
    static final String NOMINAL = "nominalPelvisHeight";
    private static final String WALKING_MODE = "walking";
    private static final String FALLEN_MODE = "fallen";
    static final String STANDING = "standing";

    @Override
    public String name() {
        return "posture-after-stop";
    }

    @Override
    public String summary() {
        return "after a stop asserted while walking, the trunk stays up and the pelvis high (no uncontrolled fall)";
    }

    @Override
    public List<OptionName> options() {
        return List.of(new OptionName("trigger", List.of("any-stop", "estop", "protective-stop", "normal-stop", "power-loss"),
                "which stop input opens a window"),
                new OptionName("while", List.of("walking", STANDING), "what the robot must be doing when the stop asserts"));
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.required(TRUNK_TILT, Dimension.ANGLE, "maximum trunk tilt from vertical after the stop"),
                LimitName.required(PELVIS_HEIGHT, Dimension.RATIO, "minimum pelvis height after the stop, share of nominal"));
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("walkingSpeed", Dimension.SPEED, NON_NEGATIVE, "base speed from which the robot counts as walking"),
                ParameterName.required("observationWindow", Dimension.TIME, POSITIVE, "how long after the stop to watch"),
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in the IMU's or the odometry's samples that still counts as evidence"),
                ParameterName.optional("maxTriggerUncertainty", Dimension.TIME, POSITIVE, new Quantity(20, Unit.MILLISECOND),
                        "widest bracket of a trigger seen only through the sampled safety state"));
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return EnumSet.of(Role.IMU, Role.ODOMETRY);
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.of(Role.SAFETY_STATE, Role.EVENTS);
    }

    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        Triggers.Kind kind = Triggers.Kind.of(clause.option("trigger"));
        return new LiveAction(s -> StopResponse.assertTrigger(s, kind),
                Duration.ofNanos(clause.nanos("observationWindow")).plusMillis(500));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final Triggers triggers;
        private final Triggers.WindowEnds ends = new Triggers.WindowEnds();
        private final ClauseEvidence.Builder evidence = new ClauseEvidence.Builder();
        private final Optional<Quantity> nominal;
        private double speedMs = Double.NaN;
        private String mode = "";
        private @Nullable Window open;
        private int stops;
        private int windows;

        Evaluation(ClauseSetup c) {
            this.c = c;
            this.triggers = new Triggers(Triggers.Kind.of(c.option("trigger")));
            this.nominal = c.robot().declaredValue(NOMINAL).filter(q -> q.dimension() == Dimension.LENGTH);
        }

        @Override
        public void accept(Sample s) {
            Window w = open;
            boolean ended = ends.onSample(s).endsStopWindow();
            // a stop, reset or start at the trigger's own instant (its event beside the state that shows it) is the same stop
            if (w != null && (s.tNs() > w.endNs || (ended && s.tNs() > w.startNs))) {
                close(w, Math.min(s.tNs(), w.endNs), s.tNs() > w.endNs ? "end of observation" : "the next stop, reset, start or motion command", true);
            }
            var trigger = triggers.onSample(s);
            if (trigger.isPresent()) {
                stops++;
                boolean walking = speedMs >= c.parameter("walkingSpeed") || WALKING_MODE.equals(mode);
                boolean standing = speedMs < c.parameter("walkingSpeed") && !WALKING_MODE.equals(mode) && !FALLEN_MODE.equals(mode);
                if (open == null && (STANDING.equals(c.option("while")) ? standing : walking)) {
                    open = new Window(c, trigger.get(), speedMs, mode);
                }
            }
            Window now = open;
            if (now != null) {
                now.add(s);
            }
            if (s instanceof OdometrySample o) {
                speedMs = o.linearVelocityMs().norm();
            } else if (s instanceof SafetyStateSample st) {
                mode = st.mode();
            }
        }

        private void close(Window w, long end, String endedBy, boolean complete) {
            open = null;
            windows++;
            w.readings(end, endedBy, complete, nominal, evidence);
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            Window w = open;
            if (w != null) {
                long end = Math.min(Math.max(endNs, w.startNs), w.endNs);
                close(w, end, endNs >= w.endNs ? "end of observation" : "end of the telemetry", endNs >= w.endNs);
            }
            if (windows == 0) {
                evidence.problem(STANDING.equals(c.option("while"))
                        ? ("no %s asserted while the robot stood (base speed known and below %s m/s, mode neither walking nor "
                                + "fallen); %d asserted while it did not").formatted(triggers.kind().words,
                                Quantity.format(c.parameter("walkingSpeed")), stops)
                        : ("no %s asserted while the robot walked (base speed ≥ %s m/s or mode walking); %d asserted "
                                + "while it did not").formatted(triggers.kind().words, Quantity.format(c.parameter("walkingSpeed")), stops));
            }
            if (nominal.isEmpty()) {
                evidence.problem("robot profile %s declares no %s (a length): the pelvis height cannot be judged"
                        .formatted(c.robot().profile(), NOMINAL));
            }
            return evidence.build();
        }
    }

    private static final class Window {
        final ClauseSetup c;
        final Triggers.Trigger trigger;
        final long startNs;
        final long endNs;
        final double speedMs;
        final String mode;
        final Channel imu = new Channel();
        final Channel odom = new Channel();
        double maxTilt = Double.NaN;
        long maxTiltAt;
        double minHeight = Double.NaN;
        long minHeightAt;
        /** For the plot: the trunk's tilt (rad) and the pelvis height (m) over the window. */
        final TraceRecorder tilts = new TraceRecorder("trunk tilt from vertical", "rad", Trace.LimitOn.VALUE, Optional.empty());
        final TraceRecorder heights = new TraceRecorder("pelvis height, share of nominal", "ratio", Trace.LimitOn.VALUE,
                Optional.empty());

        Window(ClauseSetup c, Triggers.Trigger trigger, double speedMs, String mode) {
            this.c = c;
            this.trigger = trigger;
            this.startNs = trigger.latestNs();
            this.endNs = trigger.earliestNs() + c.nanos("observationWindow");
            this.speedMs = speedMs;
            this.mode = mode;
        }

        void add(Sample s) {
            if (s instanceof ImuSample i) {
                double tilt = i.orientation().tiltFromVerticalRad();
                imu.add(startNs, i.tNs(), Double.isFinite(tilt));
                tilts.add(i.tNs(), tilt);
                if (Double.isFinite(tilt) && (Double.isNaN(maxTilt) || tilt > maxTilt)) {
                    maxTilt = tilt;
                    maxTiltAt = i.tNs();
                }
            } else if (s instanceof OdometrySample o) {
                double z = o.positionM().z();
                odom.add(startNs, o.tNs(), Double.isFinite(z));
                heights.add(o.tNs(), z);
                if (Double.isFinite(z) && (Double.isNaN(minHeight) || z < minHeight)) {
                    minHeight = z;
                    minHeightAt = o.tNs();
                }
            }
        }

        void readings(long end, String endedBy, boolean complete, Optional<Quantity> nominal, ClauseEvidence.Builder out) {
            TimeWindow window = TimeWindow.of(trigger.earliestNs(), Math.max(end, trigger.earliestNs()));
            List<String> common = new ArrayList<>();
            if (!complete) {
                common.add("the telemetry ends %s after the stop; the clause watches %s"
                        .formatted(Times.ms(end - trigger.earliestNs()), Times.ms(c.nanos("observationWindow"))));
            }
            if (trigger.uncertaintyNs() > c.nanos("maxTriggerUncertainty")) {
                common.add("the trigger was seen only through the sampled safety state (%s between samples), more than %s"
                        .formatted(Times.ms(trigger.uncertaintyNs()), Times.ms(c.nanos("maxTriggerUncertainty"))));
            }
            String seen = "trigger: %s at %s m/s%s; window ended by %s".formatted(trigger.description(),
                    Quantity.format(speedMs), mode.isEmpty() ? "" : ", mode " + mode, endedBy);
            List<String> tiltGaps = new ArrayList<>(common);
            imu.gaps("IMU", end, c.nanos("maxSampleGap"), tiltGaps);
            out.add(TRUNK_TILT, Double.isNaN(maxTilt) ? Reading.none("trunk", window, tiltGaps, seen)
                    : Reading.of("trunk", window, maxTilt, tiltGaps, "%s; max tilt at %s".formatted(seen, TimeWindow.of(maxTiltAt, maxTiltAt)))
                            .withTraces(tilts.isEmpty() ? List.of() : List.of(tilts.trace())));
            List<String> heightGaps = new ArrayList<>(common);
            odom.gaps("odometry", end, c.nanos("maxSampleGap"), heightGaps);
            if (nominal.isEmpty() || Double.isNaN(minHeight)) {
                out.add(PELVIS_HEIGHT, Reading.none("pelvis", window, heightGaps, seen));
            } else {
                double nominalM = nominal.get().si();
                out.add(PELVIS_HEIGHT, Reading.of("pelvis", window, minHeight / nominalM, heightGaps,
                        "%s; lowest pelvis height %s m of nominal %s m at %s".formatted(seen, Quantity.format(minHeight),
                                Quantity.format(nominalM), TimeWindow.of(minHeightAt, minHeightAt)))
                        .withTraces(List.of(shares(heights.trace(), nominalM))));
            }
        }
    }

    /** Sampling of one signal in a window: gaps, and samples without a usable value. */
    /** Heights in m as shares of the nominal height, the limit's quantity. */
    private static Trace shares(Trace heightsM, double nominalM) {
        return new Trace(heightsM.signal(), heightsM.unit(), heightsM.limitOn(), heightsM.points().stream()
                .map(p -> new Trace.Point(p.tNs(), p.min() / nominalM, p.max() / nominalM)).toList(), heightsM.threshold(),
                heightsM.samples());
    }

    private static final class Channel {
        long samples;
        long lastNs = Long.MIN_VALUE;
        long maxGapNs;

        void add(long startNs, long tNs, boolean usable) {
            if (!usable) {
                // A sample without a usable value is no evidence: it is left out, so it shows as a gap.
                return;
            }
            maxGapNs = Math.max(maxGapNs, tNs - (lastNs == Long.MIN_VALUE ? startNs : lastNs));
            lastNs = tNs;
            samples++;
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
        }
    }
}
