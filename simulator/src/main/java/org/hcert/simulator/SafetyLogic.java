package org.hcert.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hcert.telemetry.EventSample;

/**
 * The robot's safety functions: the e-stop latch, the protective stop, stop categories 0/1/2,
 * drive enable, start and reset, and the fall detector; with the faults that break them.
 *
 * <p>Rules: the e-stop latches until {@link Command.Reset}; reset never restarts motion, only
 * {@link Command.Start} does (and re-enables drive power). A category 1 stop removes drive power
 * {@link #POWER_OFF_DELAY_NS} after standstill. A detected fall (tilt over 60°) removes power.
 */
final class SafetyLogic {

    static final long POWER_OFF_DELAY_NS = 20_000_000L;
    static final int STOP_HISTORY = 64;
    static final double FALL_TILT_RAD = Math.toRadians(60);
    /** Deceleration of walking under {@code slow-estop}, m/s², and its divisor for joint references. */
    static final double SLOW_STOP_DECEL_MS2 = 0.3;
    static final double SLOW_STOP_JOINT_FACTOR = 10;

    private final StopCategory estopCategory;
    private final StopCategory protectiveCategory;
    private final FaultInjector faults;
    private final List<RobotEvent> events = new ArrayList<>();
    private boolean estopLatched;
    private boolean protective;
    private boolean powered = true;
    private boolean motionEnabled = true;
    private boolean limpAnkles;
    private boolean fallen;
    private boolean stopping;
    private OperatingMode mode = OperatingMode.AUTO;
    private Command.Walk lastWalk = new Command.Walk(0, 0, 0);
    private Optional<StopTruth> stop = Optional.empty();
    /** Earlier stops, as they stood when the next one began; the oldest dropped beyond {@link #STOP_HISTORY}. */
    private final ArrayDeque<StopTruth> earlierStops = new ArrayDeque<>();

    SafetyLogic(StopCategory estopCategory, StopCategory protectiveCategory, FaultInjector faults) {
        this.estopCategory = estopCategory;
        this.protectiveCategory = protectiveCategory;
        this.faults = faults;
    }

    CommandResult estop(Body body, long now) {
        if (estopLatched) {
            return CommandResult.ok();
        }
        estopLatched = true;
        event(now, EventSample.ESTOP_PRESSED, "emergency stop pressed");
        StopCategory c = estopCategory == StopCategory.ONE && faults.isActive(Fault.DRIVE_POWER_NOT_REMOVED)
                ? StopCategory.TWO : estopCategory;
        beginStop("estop", c, body, now);
        motionEnabled = false;
        return CommandResult.ok();
    }

    CommandResult protectiveStop(boolean asserted, Body body, long now) {
        if (asserted == protective) {
            return CommandResult.ok();
        }
        protective = asserted;
        event(now, asserted ? "protective_stop" : "protective_stop_released",
                asserted ? "protective stop asserted" : "protective stop released; send start to move");
        if (asserted) {
            beginStop("protective", protectiveCategory, body, now);
            motionEnabled = false;
        }
        return CommandResult.ok();
    }

    CommandResult normalStop(Body body, long now) {
        event(now, "stop_requested", "normal stop (category 2)");
        beginStop("stop", StopCategory.TWO, body, now);
        return CommandResult.ok();
    }

    private void beginStop(String kind, StopCategory requested, Body body, long now) {
        StopCategory c = requested;
        if (faults.isActive(Fault.FALL_ON_STOP) && body.walking()) {
            c = StopCategory.ZERO;
            limpAnkles = true;
        }
        if (body.walking() || Math.abs(body.walkTarget().vxMs()) > 0) {
            lastWalk = body.walkTarget();
        }
        body.halt(jointDecel(body, true));
        stopping = true;
        stop.ifPresent(earlier -> {
            if (earlierStops.size() == STOP_HISTORY) {
                earlierStops.pollFirst();
            }
            earlierStops.addLast(earlier);
        });
        stop = Optional.of(new StopTruth(kind, c, now, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty()));
        if (c == StopCategory.ZERO) {
            powerOff(now, "category 0 stop: drive power removed at once");
        }
    }

    CommandResult reset(Body body, long now) {
        if (!estopLatched) {
            return CommandResult.refused("the e-stop is not latched; nothing to reset");
        }
        estopLatched = false;
        event(now, EventSample.ESTOP_RESET, "emergency stop reset; send start to move");
        if (faults.isActive(Fault.RESTART_AFTER_RESET) && !protective && !fallen) {
            powerOn(body, now);
            motionEnabled = true;
            stopping = false;
            body.walk(lastWalk);
        }
        return CommandResult.ok();
    }

    CommandResult start(Body body, long now) {
        Optional<String> why = estopLatched ? Optional.of("the e-stop is latched; reset it first")
                : protective ? Optional.of("the protective stop is asserted")
                : fallen ? Optional.of("HC-1 has fallen; it cannot start") : Optional.empty();
        if (why.isPresent()) {
            return CommandResult.refused(why.get());
        }
        if (!powered) {
            powerOn(body, now);
        }
        motionEnabled = true;
        stopping = false;
        event(now, "start", "motion enabled");
        return CommandResult.ok();
    }

    /** Why a motion command is refused now, or empty when motion is allowed. */
    Optional<String> motionRefusal() {
        if (estopLatched) {
            return Optional.of("the e-stop is latched; reset it and send start");
        }
        if (protective) {
            return Optional.of("the protective stop is asserted");
        }
        if (fallen) {
            return Optional.of("HC-1 has fallen");
        }
        if (!powered || !motionEnabled) {
            return Optional.of("motion is not enabled since the last stop; send start");
        }
        return Optional.empty();
    }

    /** A new motion command cancels a normal stop in progress. */
    void motionCommanded() {
        stopping = false;
    }

    void mode(OperatingMode m, long now) {
        if (m != mode) {
            mode = m;
            event(now, "mode_changed", "operating mode " + m.wireName());
        }
    }

    private void powerOff(long now, String why) {
        if (powered) {
            powered = false;
            event(now, "drive_disabled", why);
            stop = stop.map(s -> s.driveOff(now));
        }
    }

    private void powerOn(Body body, long now) {
        body.syncReferences();
        powered = true;
        limpAnkles = false;
        event(now, "drive_enabled", "drive power on");
    }

    /** After a physics step at {@code now}: standstill, category 1 power removal, fall detection. */
    void afterStep(Body body, long now) {
        boolean still = body.isStill();
        stop = stop.map(s -> s.still(now, still));
        boolean category1 = stop.map(s -> s.category() == StopCategory.ONE).orElse(false);
        long stillSince = stop.flatMap(s -> s.standstillNs().isPresent()
                ? Optional.of(s.standstillNs().getAsLong()) : Optional.<Long>empty()).orElse(Long.MAX_VALUE);
        if (stopping && category1 && powered && now - stillSince >= POWER_OFF_DELAY_NS) {
            powerOff(now, "category 1 stop complete: drive power removed at standstill");
        }
        if (stopping && still) {
            stopping = powered && category1;
        }
        if (!fallen && body.base.attitude().tiltRad() > FALL_TILT_RAD) {
            fallen = true;
            stop = stop.map(s -> s.fell(now));
            event(now, EventSample.FALL_DETECTED, "trunk tilt exceeded 60 deg");
            powerOff(now, "fall detected");
        }
    }

    /** What the next physics step may do. */
    Body.Drive drive(Body body, RobotDescription.Limits limits) {
        boolean slow = faults.isActive(Fault.SLOW_ESTOP);
        double accel = stopping ? (slow ? SLOW_STOP_DECEL_MS2 : Double.POSITIVE_INFINITY) : limits.walkAccelerationMs2();
        boolean overrun = faults.isActive(Fault.JOINT_LIMIT_OVERRUN);
        double force = faults.isActive(Fault.EXCESSIVE_CONTACT_FORCE) ? Double.POSITIVE_INFINITY
                : limits.contactForceLimitN();
        return new Body.Drive(powered, limpAnkles, accel, jointDecel(body, stopping), caps(body, limits),
                !overrun, force);
    }

    private double jointDecel(Body body, boolean stop) {
        double a = body.robot.limits().jointAccelerationRadS2();
        return stop && faults.isActive(Fault.SLOW_ESTOP) ? a / SLOW_STOP_JOINT_FACTOR : a;
    }

    private Body.Caps caps(Body body, RobotDescription.Limits limits) {
        double[] joint = new double[body.joints.size()];
        Arrays.fill(joint, Double.POSITIVE_INFINITY);
        if (mode != OperatingMode.MANUAL_REDUCED || faults.isActive(Fault.OVERSPEED_REDUCED)) {
            return new Body.Caps(joint, limits.maxWalkSpeedMs(), Double.POSITIVE_INFINITY);
        }
        for (Arm arm : body.arms) {
            double cap = limits.reducedTcpSpeedMs() / arm.kinematics.leverSum();
            for (int i : arm.chain) {
                joint[i] = cap;
            }
        }
        return new Body.Caps(joint, limits.reducedBaseSpeedMs(), limits.reducedBaseSpeedMs());
    }

    /** Report an event on {@code /events}. */
    void event(long now, String kind, String detail) {
        events.add(new RobotEvent(now, kind, detail));
    }

    /** Take the events raised since the last call. */
    List<RobotEvent> drainEvents() {
        List<RobotEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** The mode string of {@code /safety/state}. */
    String publishedMode(Body body) {
        if (mode == OperatingMode.MANUAL_REDUCED) {
            return mode.wireName();
        }
        if (fallen) {
            return "fallen";
        }
        if (!powered) {
            return "stopped";
        }
        return body.walking() ? "walking" : "standing";
    }

    boolean estopLatched() {
        return estopLatched;
    }

    boolean protective() {
        return protective;
    }

    boolean powered() {
        return powered;
    }

    boolean motionEnabled() {
        return motionEnabled;
    }

    boolean fallen() {
        return fallen;
    }

    OperatingMode mode() {
        return mode;
    }

    Optional<StopTruth> lastStop() {
        return stop;
    }

    /** Every stop remembered, oldest first, the last one as it stands now. */
    List<StopTruth> stops() {
        List<StopTruth> all = new ArrayList<>(earlierStops);
        stop.ifPresent(all::add);
        return all;
    }
}
