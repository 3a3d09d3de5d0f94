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
 * drive enable, start and reset, the fall detector, the main drive bus with its self-test, and the
 * reaction to faults of the safety control system; with the faults that break them.
 *
 * <p>Rules: the e-stop latches until {@link Command.Reset}, also once its actuator is released
 * ({@code estop_released}); reset never restarts motion, only {@link Command.Start} does (and
 * re-enables drive power). A category 1 stop removes drive power {@link #POWER_OFF_DELAY_NS} after
 * standstill. A detected fall (tilt over 60°) removes power. A safety fault stops the robot with
 * category {@link #SAFETY_FAULT_CATEGORY} and latches until it is removed and reset. Cutting the
 * drive bus is a category 0 stop (the holding brakes engage); when it comes back the drive stage's
 * self-test runs ({@code self_test_passed} or {@code self_test_failed}) and the drives stay off
 * until a start, which a failed self-test refuses.
 *
 * <p>It is over 400 lines because the latches, the drive bus, the self-test and the stop in
 * progress decide together whether a command is accepted; split, each part would need the others.
 */
final class SafetyLogic {

    static final long POWER_OFF_DELAY_NS = 20_000_000L;
    static final int STOP_HISTORY = 64;
    static final String ESTOP_RELEASED = "estop_released";
    static final String FAULT = "fault";
    static final String FAULT_RESET = "fault_reset";
    static final String POWER_LOST = "power_lost";
    static final String POWER_RESTORED = "power_restored";
    static final String SELF_TEST_PASSED = "self_test_passed";
    static final String SELF_TEST_FAILED = "self_test_failed";
    /** The mode {@code /safety/state} reports while the drive bus is cut. */
    static final String UNPOWERED = "unpowered";
    static final double FALL_TILT_RAD = Math.toRadians(60);
    /** Deceleration of walking under {@code slow-estop}, m/s², and its divisor for joint references. */
    static final double SLOW_STOP_DECEL_MS2 = 0.3;
    static final double SLOW_STOP_JOINT_FACTOR = 10;
    /** Stop category of HC-1's reaction to a fault of its safety control system. */
    static final StopCategory SAFETY_FAULT_CATEGORY = StopCategory.ONE;
    /** Forward speed with which a standing body starts to fall when its joints give way, m/s. */
    static final double GIVE_WAY_PUSH_MPS = 0.05;

    private final StopCategory estopCategory;
    private final StopCategory protectiveCategory;
    private final FaultInjector faults;
    private final List<RobotEvent> events = new ArrayList<>();
    private boolean estopLatched;
    /** The e-stop actuator is pressed (HC-1 starts with it released; a reset also releases it). */
    private boolean estopPressed;
    private Optional<SafetyFaultKind> faultPresent = Optional.empty();
    private boolean faultLatched;
    private boolean busCut;
    /** Why the last self-test of the drive stage failed; empty when it passed (HC-1 starts self-tested). */
    private Optional<String> selfTestFailure = Optional.empty();
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
            if (!estopPressed) {
                estopPressed = true;
                event(now, EventSample.ESTOP_PRESSED, "emergency stop pressed again; the stop is still latched");
            }
            return CommandResult.ok();
        }
        estopLatched = true;
        estopPressed = true;
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
        if (faults.isActive(Fault.FAULT_ON_NORMAL_STOP)) {
            event(now, FAULT, "drive fault during the normal stop");
        }
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

    /** Release the e-stop actuator: the stop stays latched until reset (unless {@link Fault#ESTOP_NOT_LATCHED}). */
    CommandResult releaseEstop(long now) {
        if (!estopPressed) {
            return CommandResult.ok();
        }
        estopPressed = false;
        if (faults.isActive(Fault.ESTOP_NOT_LATCHED)) {
            estopLatched = false;
            event(now, ESTOP_RELEASED, "emergency stop released; the e-stop no longer holds the robot");
        } else {
            event(now, ESTOP_RELEASED, "emergency stop released; the stop stays latched until reset");
        }
        return CommandResult.ok();
    }

    /**
     * Reset the e-stop latch and a safety-fault latch whose fault is gone. A reset while the
     * actuator is still pressed is accepted and releases it silently: HC-1 models no interlock
     * between the two (operators and scripts that never report the release keep working).
     */
    CommandResult reset(Body body, long now) {
        if (faultLatched && faultPresent.isPresent()) {
            return CommandResult.refused("the safety fault is still present (%s); remove it first"
                    .formatted(faultPresent.get().description()));
        }
        if (!estopLatched && !faultLatched) {
            return CommandResult.refused("the e-stop is not latched; nothing to reset");
        }
        if (faultLatched) {
            faultLatched = false;
            event(now, FAULT_RESET, "safety fault reset; send start to move");
        }
        if (!estopLatched) {
            return CommandResult.ok();
        }
        estopLatched = false;
        estopPressed = false;
        event(now, EventSample.ESTOP_RESET, "emergency stop reset; send start to move");
        if (faults.isActive(Fault.RESTART_AFTER_RESET) && !protective && !fallen && !busCut) {
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
                : fallen ? Optional.of("HC-1 has fallen; it cannot start")
                : busCut ? Optional.of("the drive bus is cut; restore drive power first")
                : faultLatched ? Optional.of("a safety fault is latched; remove it and reset")
                : selfTestFailure.isPresent() && !faults.isActive(Fault.SELF_TEST_FAILS_BUT_MOVES)
                        ? Optional.of("the self-test failed (%s); remove the fault and cycle drive power".formatted(selfTestFailure.get()))
                : Optional.empty();
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
        if (busCut) {
            return Optional.of("the drive bus is cut");
        }
        if (faultLatched) {
            return Optional.of("a safety fault is latched; remove it and reset");
        }
        if (!powered || !motionEnabled) {
            return Optional.of("motion is not enabled since the last stop; send start");
        }
        return Optional.empty();
    }

    /**
     * Inject a fault into the safety control system, or remove it. HC-1 reports it as a
     * {@code fault} event, stops with category {@link #SAFETY_FAULT_CATEGORY} and latches it until it is
     * removed and reset; under {@link Fault#SAFETY_FAULT_IGNORED} it only reports it.
     */
    CommandResult safetyFault(SafetyFaultKind kind, boolean present, Body body, long now) {
        if (!present) {
            if (faultPresent.equals(Optional.of(kind))) {
                faultPresent = Optional.empty();
                event(now, "fault_cleared", kind.description() + " removed; reset to clear the latch");
            }
            return CommandResult.ok();
        }
        if (faultPresent.isPresent()) {
            return CommandResult.refused("a safety fault is already injected (%s)".formatted(faultPresent.get().description()));
        }
        faultPresent = Optional.of(kind);
        if (faults.isActive(Fault.SAFETY_FAULT_IGNORED)) {
            event(now, FAULT, "safety fault: %s; not acted on".formatted(kind.description()));
            return CommandResult.ok();
        }
        faultLatched = true;
        event(now, FAULT, "safety fault: %s; category 1 stop".formatted(kind.description()));
        beginStop("fault", SAFETY_FAULT_CATEGORY, body, now);
        motionEnabled = false;
        return CommandResult.ok();
    }

    /** Cut ({@code on} false) or restore the main drive bus. */
    CommandResult drivePower(boolean on, Body body, long now) {
        if (on == !busCut) {
            return CommandResult.ok();
        }
        if (!on) {
            busCut = true;
            boolean brakes = !faults.isActive(Fault.NO_BRAKES_ON_POWER_LOSS);
            event(now, POWER_LOST, brakes ? "main drive bus cut; holding brakes engaged" : "main drive bus cut");
            beginStop("power", StopCategory.ZERO, body, now);
            motionEnabled = false;
            if (!brakes && !fallen) {
                limpAnkles = true;
                body.base.sagittal.giveWay(GIVE_WAY_PUSH_MPS);
            }
            return CommandResult.ok();
        }
        busCut = false;
        faultLatched = false;
        event(now, POWER_RESTORED, "main drive bus restored; the drives stay off until start");
        selfTest(now);
        if (faults.isActive(Fault.RESTART_AFTER_POWER) && !estopLatched && !protective && !fallen) {
            powerOn(body, now);
            motionEnabled = true;
            stopping = false;
            body.walk(lastWalk);
        }
        return CommandResult.ok();
    }

    /** The drive stage's self-test after the bus came back: it fails while a safety fault is present. */
    private void selfTest(long now) {
        if (faults.isActive(Fault.NO_SELF_TEST)) {
            selfTestFailure = Optional.empty();
            return;
        }
        selfTestFailure = faultPresent.map(SafetyFaultKind::description);
        if (selfTestFailure.isPresent()) {
            event(now, SELF_TEST_FAILED, "self-test failed: " + selfTestFailure.get());
        } else {
            event(now, SELF_TEST_PASSED, "self-test of the drive stage passed");
        }
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
        if (busCut) {
            return UNPOWERED;
        }
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

    boolean drivePowerCut() {
        return busCut;
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
