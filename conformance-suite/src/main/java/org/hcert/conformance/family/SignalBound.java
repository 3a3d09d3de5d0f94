package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.adapters.Command;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.mapping.Role;

/**
 * A signal stays within a bound over the whole run: per subject (each joint, each temperature frame,
 * each battery, the base) its largest value (or, for the {@code …Min} limits, its smallest) is one
 * reading. Which signals a clause bounds is given by the limits it names, each with its dimension:
 * an actuator's temperature, a joint's |velocity|, |effort| and RMS effort, a battery's temperature,
 * voltage and current, the base's speed (the norm of its whole linear twist), a touchable surface's
 * temperature. A limit may be one value, or one per subject ({@code per: joint} takes each joint's
 * own declared value, e.g. its {@code maxVelocity}).
 *
 * <p>A subject is identified by name: a joint by its name in any joint state, a temperature sensor
 * by its {@code frame_id}, a battery by its topic. A sample without the value (a joint state without
 * efforts, a NaN temperature) is absent, never 0. A gap in a subject's samples longer than
 * {@code maxSampleGap} (also at the start or end of the run), or samples spanning less than
 * {@code minDuration}, make its reading incomplete: INCONCLUSIVE within the limit, still a FAIL
 * beyond it. A declared subject that never reports is INCONCLUSIVE, naming it.
 */
final class SignalBound implements Family {

    static final String JOINT_TEMPERATURE = "jointTemperature";
    static final String JOINT_SPEED = "jointSpeed";
    static final String JOINT_EFFORT = "jointEffort";
    static final String JOINT_EFFORT_RMS = "jointEffortRms";
    static final String BATTERY_TEMPERATURE_MAX = "batteryTemperatureMax";
    static final String BATTERY_TEMPERATURE_MIN = "batteryTemperatureMin";
    static final String BATTERY_VOLTAGE_MAX = "batteryVoltageMax";
    static final String BATTERY_VOLTAGE_MIN = "batteryVoltageMin";
    static final String BATTERY_CHARGE_CURRENT = "batteryChargeCurrent";
    static final String BATTERY_DISCHARGE_CURRENT = "batteryDischargeCurrent";
    static final String BASE_SPEED = "baseSpeed";
    static final String HELD_SURFACE = "heldSurfaceTemperature";
    static final String HELD_SURFACE_10_MIN = "heldSurfaceTemperature10min";
    static final String HELD_SURFACE_1_MIN = "heldSurfaceTemperature1min";
    static final String METAL_SURFACE = "metalSurfaceTemperature";
    static final String METAL_SURFACE_HALF_SECOND = "metalSurfaceTemperatureHalfSecond";
    static final String PLASTIC_SURFACE = "plasticSurfaceTemperature";

    /** The robot declaration of the window over which a joint's continuous effort rating holds: {@value}. */
    static final String EFFORT_WINDOW = "continuousEffortWindow";

    /** The signals a limit can bound. */
    enum Signal {
        JOINT_TEMPERATURE(Role.TEMPERATURES, "a temperature", "degC"),
        JOINT_SPEED(Role.JOINTS, "a velocity", "rad/s"),
        JOINT_EFFORT(Role.JOINTS, "an effort", "N·m"),
        JOINT_EFFORT_RMS(Role.JOINTS, "an effort", "N·m"),
        BATTERY_TEMPERATURE(Role.BATTERY, "a temperature", "degC"),
        BATTERY_VOLTAGE(Role.BATTERY, "a voltage", "V"),
        BATTERY_CHARGE_CURRENT(Role.BATTERY, "a current", "A"),
        BATTERY_DISCHARGE_CURRENT(Role.BATTERY, "a current", "A"),
        BASE_SPEED(Role.ODOMETRY, "a twist", "m/s"),
        SURFACE_TEMPERATURE(Role.TEMPERATURES, "a temperature", "degC");

        final Role role;
        final String what;
        final String unit;

        Signal(Role role, String what, String unit) {
            this.role = role;
            this.what = what;
            this.unit = unit;
        }

        /** The signal in a word: {@code temperature}. */
        String noun() {
            return what.substring(what.indexOf(' ') + 1);
        }
    }

    /**
     * What one limit bounds.
     *
     * @param limit the limit's name
     * @param signal the signal
     * @param largest whether its largest value is compared (else its smallest)
     * @param surfaces for surface limits, the class of surfaces it judges ({@link Surfaces}); else empty
     */
    record Bounded(LimitName limit, Signal signal, boolean largest, String surfaces) {}

    static final List<Bounded> BOUNDED = List.of(
            new Bounded(LimitName.optional(JOINT_TEMPERATURE, Dimension.TEMPERATURE, "largest actuator temperature"),
                    Signal.JOINT_TEMPERATURE, true, ""),
            new Bounded(LimitName.optional(JOINT_SPEED, Dimension.ANGULAR_SPEED, "largest |joint velocity|"),
                    Signal.JOINT_SPEED, true, ""),
            new Bounded(LimitName.optional(JOINT_EFFORT, Dimension.TORQUE, "largest |joint effort|"), Signal.JOINT_EFFORT, true, ""),
            new Bounded(LimitName.optional(JOINT_EFFORT_RMS, Dimension.TORQUE,
                    "largest RMS joint effort over the declared continuous-rating window"), Signal.JOINT_EFFORT_RMS, true, ""),
            new Bounded(LimitName.optional(BATTERY_TEMPERATURE_MAX, Dimension.TEMPERATURE, "largest battery temperature"),
                    Signal.BATTERY_TEMPERATURE, true, ""),
            new Bounded(LimitName.optional(BATTERY_TEMPERATURE_MIN, Dimension.TEMPERATURE, "smallest battery temperature"),
                    Signal.BATTERY_TEMPERATURE, false, ""),
            new Bounded(LimitName.optional(BATTERY_VOLTAGE_MAX, Dimension.VOLTAGE, "largest battery voltage"),
                    Signal.BATTERY_VOLTAGE, true, ""),
            new Bounded(LimitName.optional(BATTERY_VOLTAGE_MIN, Dimension.VOLTAGE, "smallest battery voltage"),
                    Signal.BATTERY_VOLTAGE, false, ""),
            new Bounded(LimitName.optional(BATTERY_CHARGE_CURRENT, Dimension.CURRENT,
                    "largest battery charge current (negative: discharging throughout)"), Signal.BATTERY_CHARGE_CURRENT, true, ""),
            new Bounded(LimitName.optional(BATTERY_DISCHARGE_CURRENT, Dimension.CURRENT,
                    "largest battery discharge current (negative: charging throughout)"), Signal.BATTERY_DISCHARGE_CURRENT, true, ""),
            new Bounded(LimitName.optional(BASE_SPEED, Dimension.SPEED, "largest base speed (norm of the linear twist)"),
                    Signal.BASE_SPEED, true, ""),
            surface(HELD_SURFACE, "largest temperature of a surface held continuously"),
            surface(HELD_SURFACE_10_MIN, "largest temperature of a surface held for up to 10 min"),
            surface(HELD_SURFACE_1_MIN, "largest temperature of a surface held for up to 1 min"),
            surface(METAL_SURFACE, "largest temperature of a bare metal surface touched briefly"),
            surface(METAL_SURFACE_HALF_SECOND, "largest temperature of a bare metal surface touched for up to 0.5 s"),
            surface(PLASTIC_SURFACE, "largest temperature of a plastic surface touched briefly"));

    private static Bounded surface(String name, String quantity) {
        return new Bounded(LimitName.optional(name, Dimension.TEMPERATURE, quantity), Signal.SURFACE_TEMPERATURE, true, name);
    }

    @Override
    public String name() {
        return "signal-bound";
    }

    @Override
    public String summary() {
        return "a signal of each subject (joint, temperature sensor, battery, base) stays within a bound over the whole run";
    }

    @Override
    public List<OptionName> options() {
        return List.of();
    }

    @Override
    public List<LimitName> limits() {
        return BOUNDED.stream().map(Bounded::limit).toList();
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(
                ParameterName.required("maxSampleGap", Dimension.TIME, POSITIVE,
                        "longest gap in a subject's samples (also at the start or end of the run) that still counts as evidence"),
                ParameterName.optional("minDuration", Dimension.TIME, POSITIVE, new Quantity(1, Unit.SECOND),
                        "shortest span of a subject's samples that counts as evidence"),
                ParameterName.optional("liveObservation", Dimension.TIME, POSITIVE, new Quantity(3, Unit.SECOND),
                        "live: how long to watch the robot walk, after its gait has settled"));
    }

    /** The limits of the family that {@code clause} gives. */
    static List<Bounded> given(ClauseSetup clause) {
        return BOUNDED.stream().filter(b -> clause.judges(b.limit().name())).toList();
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        given(clause).forEach(b -> roles.add(b.signal().role));
        return roles;
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.noneOf(Role.class);
    }

    /** Walk at the session's speed, watch for {@code liveObservation}, then stand: a duty cycle of the robot's own. */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        Duration watch = Duration.ofNanos(clause.nanos("liveObservation"));
        return new LiveAction(s -> dutyCycle(s, watch), Duration.ofSeconds(1));
    }

    private static void dutyCycle(LiveSession s, Duration watch) {
        s.walk();
        s.observe(watch);
        s.send(new Command.Walk(0, 0, 0));
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        return new Evaluation(clause);
    }

    private record Feed(SignalTrack track, Signal signal) {}

    private static final class Evaluation extends Evaluator {
        private final ClauseSetup c;
        private final List<String> problems = new ArrayList<>();
        /** Readings per limit, in the order of the subjects. */
        private final Map<String, List<SignalTrack>> tracks = new LinkedHashMap<>();
        private final Map<String, List<SignalTrack>> byFrame = new LinkedHashMap<>();
        private final Map<String, List<SignalTrack>> speedByJoint = new LinkedHashMap<>();
        private final Map<String, List<SignalTrack>> effortByJoint = new LinkedHashMap<>();
        private final Map<String, RmsTrack> rmsByJoint = new LinkedHashMap<>();
        private final JointLayouts<JointTracks> layouts = new JointLayouts<>((topic, name) -> new JointTracks(
                speedByJoint.getOrDefault(name, List.of()).toArray(SignalTrack[]::new),
                effortByJoint.getOrDefault(name, List.of()).toArray(SignalTrack[]::new),
                java.util.Optional.ofNullable(rmsByJoint.get(name)).map(r -> new RmsTrack[] {r}).orElse(new RmsTrack[0])));
        private final Map<String, List<Feed>> byTopic = new LinkedHashMap<>();
        private long firstNs = Long.MIN_VALUE;

        Evaluation(ClauseSetup c) {
            this.c = c;
            List<Bounded> given = given(c);
            if (given.isEmpty()) {
                problems.add("clause %s gives no limit of family signal-bound, so nothing is bounded".formatted(c.clauseId()));
            }
            for (Bounded b : given) {
                switch (b.signal()) {
                    case JOINT_TEMPERATURE -> c.robot().joints().forEach(j -> track(b, j.name(), byFrame, j.name()));
                    case JOINT_SPEED -> c.robot().joints().forEach(j -> track(b, j.name(), speedByJoint, j.name()));
                    case JOINT_EFFORT -> c.robot().joints().forEach(j -> track(b, j.name(), effortByJoint, j.name()));
                    case JOINT_EFFORT_RMS -> rms(b);
                    case BASE_SPEED -> {
                        List<String> odometry = c.robot().topics().topics(Role.ODOMETRY);
                        odometry.forEach(t -> feed(b, odometry.size() == 1 ? "base" : "base on " + t, t));
                    }
                    case SURFACE_TEMPERATURE -> { }
                    default -> c.robot().topics().topics(Role.BATTERY).forEach(t -> feed(b, t, t));
                }
            }
            Surfaces.assign(c, given, problems).forEach((surface, bounded) -> track(bounded, surface.frame(), byFrame,
                    surface.frame()));
        }

        private SignalTrack track(Bounded b, String subject, Map<String, List<SignalTrack>> index, String key) {
            SignalTrack t = new SignalTrack(subject, b.signal().noun(), b.signal().what, b.signal().unit, b.largest());
            tracks.computeIfAbsent(b.limit().name(), k -> new ArrayList<>()).add(t);
            index.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            return t;
        }

        /** A track of a signal read from a whole message of {@code topic} (a battery state, an odometry). */
        private void feed(Bounded b, String subject, String topic) {
            SignalTrack t = track(b, subject, new LinkedHashMap<>(), topic);
            byTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(new Feed(t, b.signal()));
        }

        private void rms(Bounded b) {
            Optional<Quantity> window = c.robot().declaredValue(EFFORT_WINDOW).filter(q -> q.dimension() == Dimension.TIME);
            if (window.isEmpty() || !(window.get().si() > 0)) {
                problems.add(("robot profile %s declares no %s (a time: the window over which its continuous effort rating "
                        + "holds), so the RMS effort of limit %s cannot be measured").formatted(c.robot().profile(), EFFORT_WINDOW,
                                b.limit().name()));
                return;
            }
            long windowNs = Math.round(window.get().si() * 1e9);
            c.robot().joints().forEach(j -> rmsByJoint.put(j.name(), new RmsTrack(j.name(), windowNs, c.nanos("maxSampleGap"))));
        }

        @Override
        public void accept(Sample s) {
            if (firstNs == Long.MIN_VALUE) {
                firstNs = s.tNs();
            }
            if (s instanceof TemperatureSample t) {
                byFrame.getOrDefault(t.frameId(), List.of()).forEach(track -> track.add(t.tNs(), t.temperatureDegC()));
            } else if (s instanceof JointStateSample j) {
                joints(j);
            } else if (s instanceof BatterySample b) {
                for (Feed f : byTopic.getOrDefault(b.topic(), List.of())) {
                    f.track().add(b.tNs(), switch (f.signal()) {
                        case BATTERY_TEMPERATURE -> b.temperatureDegC();
                        case BATTERY_VOLTAGE -> b.voltageV();
                        case BATTERY_CHARGE_CURRENT -> b.currentA();
                        default -> -b.currentA();
                    });
                }
            } else if (s instanceof OdometrySample o) {
                Vector3 v = o.linearVelocityMs();
                byTopic.getOrDefault(o.topic(), List.of()).forEach(f -> f.track().add(o.tNs(), v.norm()));
            }
        }

        private void joints(JointStateSample j) {
            List<JointTracks> byIndex = layouts.of(j);
            long tNs = j.tNs();
            boolean velocity = j.hasVelocity();
            boolean effort = j.hasEffort();
            for (int i = 0; i < byIndex.size(); i++) {
                JointTracks tracksOf = byIndex.get(i);
                if (tracksOf.speed.length > 0) {
                    double speed = velocity ? Math.abs(j.velocityRadS(i)) : Double.NaN;
                    for (SignalTrack t : tracksOf.speed) {
                        t.add(tNs, speed);
                    }
                }
                double effortNm = effort ? j.effortNm(i) : Double.NaN;
                for (SignalTrack t : tracksOf.effort) {
                    t.add(tNs, Math.abs(effortNm));
                }
                for (RmsTrack rms : tracksOf.rms) {
                    rms.add(tNs, effortNm);
                }
            }
        }

        @Override
        public ClauseEvidence finish(long endNs) {
            ClauseEvidence.Builder out = new ClauseEvidence.Builder();
            long start = firstNs == Long.MIN_VALUE ? endNs : firstNs;
            TimeWindow all = TimeWindow.of(Math.min(start, endNs), Math.max(start, endNs));
            long maxGap = c.nanos("maxSampleGap");
            long minDuration = c.nanos("minDuration");
            tracks.forEach((limit, list) -> list.forEach(t -> out.add(limit, t.reading(all, maxGap, minDuration))));
            rmsByJoint.values().forEach(r -> out.add(JOINT_EFFORT_RMS, r.reading(all)));
            problems.forEach(out::problem);
            return out.build();
        }
    }

    /** What one joint's samples feed: its speed and effort bounds, and its RMS effort (none or one). */
    @SuppressWarnings("ArrayRecordComponent") // private, built once per layout, never compared
    private record JointTracks(SignalTrack[] speed, SignalTrack[] effort, RmsTrack[] rms) {}
}
