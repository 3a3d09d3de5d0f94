package org.hcert.conformance.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.safety.MotionRefusedException;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.ros.RosJsonDecoder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live certification: the robot's link (already behind the motion interlock), the operator, and
 * how the lab asserts the e-stop. When-steps act through it; a lost link, a refused command or an
 * unconfirmed manual step makes the scenario INCONCLUSIVE, never a pass.
 */
public final class LiveSession {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    /** How long {@link #stand()} watches the robot stand before the next action. */
    static final Duration STAND_SETTLE = Duration.ofMillis(500);

    /** The operating mode {@link #restore()} returns the robot to: {@value}. */
    public static final String AUTO_MODE = "auto";

    /**
     * How the session acts on the robot.
     *
     * @param estopActuator whether the lab's rig asserts the robot's e-stop input over the link
     *     ({@code estop} command); otherwise the operator presses the e-stop when asked
     * @param operatorTimeout how long a manual step may take
     * @param walkSpeedMs the forward speed the harness commands for "the robot is walking", m/s
     * @param settle how long to let the gait settle before acting
     */
    public record Settings(boolean estopActuator, Duration operatorTimeout, double walkSpeedMs, Duration settle) {}

    private final RobotLink link;
    private final Operator operator;
    private final Settings settings;
    private final List<Confirmation> confirmations = new ArrayList<>();
    /** How long restore() waits after restoring drive power, for the robot's self-test, before it sends start. */
    static final Duration SELF_TEST_PAUSE = Duration.ofMillis(200);
    private final SessionEvents sessionEvents = new SessionEvents();
    private final LatestTelemetry heard = new LatestTelemetry();
    /**
     * How much longer than its wall time a watch ({@link #observe}) waits for the robot's telemetry
     * to reach its end, when the telemetry lags the harness's clock (a loaded robot or harness).
     */
    static final Duration TELEMETRY_LAG_ALLOWANCE = Duration.ofSeconds(5);
    private @Nullable Capture capture;
    private boolean estopAsserted;
    private boolean protectiveAsserted;
    private boolean powerCut;
    private @Nullable String faultInjected;
    /** Released but not yet reset, or reset on purpose without a start: {@link #restore()} finishes the job. */
    private boolean resetPending;
    private boolean startPending;
    /** A scenario switched the robot out of automatic mode: {@link #restore()} switches it back. */
    private boolean modeChanged;

    /**
     * A session on {@code link}; make it before the link connects, so that it keeps the robot's events
     * from the start ({@link #includeSessionEvents()}).
     */
    public LiveSession(RobotLink link, Operator operator, Settings settings) {
        this.link = Objects.requireNonNull(link, "link must not be null");
        this.operator = Objects.requireNonNull(operator, "operator must not be null");
        this.settings = Objects.requireNonNull(settings, "settings must not be null");
        link.addListener(sessionEvents);
        link.addListener(heard);
    }

    public Settings settings() {
        return settings;
    }

    /** Start capturing telemetry for the running scenario, unless a capture is already running. */
    public synchronized Capture capture() {
        if (capture == null) {
            capture = new Capture(link.describe());
            link.addListener(capture);
        }
        return capture;
    }

    /**
     * Put the robot's events since the session began into the running capture (those it has already
     * are not doubled), so that a scenario can judge what the robot reported before it began: its
     * provenance at start-up and when the session opened.
     */
    public synchronized void includeSessionEvents() {
        capture().include(sessionEvents.messages(), sessionEvents.warnings());
    }

    /** Stop the scenario's capture and return it for the Then-steps. */
    public synchronized Capture endCapture() {
        Capture c = capture();
        link.removeListener(c);
        c.stop();
        capture = null;
        return c;
    }

    /** Send a command and require its acknowledgement. */
    public void send(Command command) {
        CommandReply reply;
        try {
            reply = link.send(command);
        } catch (MotionRefusedException e) {
            throw new InsufficientEvidenceException("the harness may not move the robot: " + e.getMessage(), e);
        } catch (LinkException e) {
            throw new InsufficientEvidenceException("link lost: " + e.getMessage(), e);
        }
        if (!reply.accepted()) {
            LOG.warn("the robot refused the {} command: {}", command.name(), reply.reason());
            throw new InsufficientEvidenceException("the robot refused the %s command: %s".formatted(command.name(), reply.reason()));
        }
    }

    /** Assert the e-stop: over the link when the lab's rig has an actuator, else by the operator's hand. */
    public void assertEstop() {
        if (settings.estopActuator()) {
            send(new Command.EmergencyStop(true));
        } else {
            record(operator.ask("Press the emergency stop now", settings.operatorTimeout()));
        }
        estopAsserted = true;
    }

    /**
     * Assert the protective-stop input over the link (the lab's rig or the robot's safety input);
     * {@link #restore()} releases it and starts the robot again.
     */
    public void assertProtectiveStop() {
        send(new Command.ProtectiveStop(true));
        protectiveAsserted = true;
    }

    /**
     * Bring the robot back to a ready state after a scenario: release the e-stop and the protective
     * stop, remove an injected safety fault, restore drive power, reset, start. Every step is tried
     * even when an earlier one fails (a robot that refuses the reset may still need the start); the
     * first failure is thrown at the end.
     */
    public void restore() {
        if (capture != null) {
            endCapture();
        }
        List<RuntimeException> failures = new ArrayList<>();
        if (estopAsserted) {
            estopAsserted = false;
            attempt(failures, this::releaseEstop);
            resetPending = true;
        }
        if (protectiveAsserted) {
            protectiveAsserted = false;
            attempt(failures, () -> send(new Command.ProtectiveStop(false)));
            startPending = true;
        }
        String fault = faultInjected;
        if (fault != null) {
            faultInjected = null;
            attempt(failures, () -> send(new Command.SafetyFault(fault, false)));
            resetPending = true;
        }
        if (powerCut) {
            powerCut = false;
            attempt(failures, () -> send(new Command.DrivePower(true)));
            // let the robot report its power-on self-test before the start: otherwise power_restored,
            // the self-test's result and drive_enabled may share one stamp, and their order is unknown
            attempt(failures, () -> observe(SELF_TEST_PAUSE));
            startPending = true;
        }
        if (resetPending) {
            resetPending = false;
            attempt(failures, () -> send(new Command.Reset()));
            startPending = true;
        }
        if (startPending) {
            startPending = false;
            attempt(failures, () -> send(new Command.Start()));
        }
        if (modeChanged) {
            modeChanged = false;
            attempt(failures, () -> send(new Command.SetMode(AUTO_MODE)));
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void attempt(List<RuntimeException> failures, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    /**
     * Assert the e-stop, let the robot stop for {@code settle}, then release and reset it without
     * a start command, so the Then-steps can check that the reset alone does not restart it
     * (SE-ESTOP-02). {@link #restore()} sends the start afterwards.
     */
    public void estopThenResetWithoutStart(Duration settle) {
        assertEstop();
        observe(settle);
        releaseEstop();
        estopAsserted = false;
        resetPending = true;
        send(new Command.Reset());
        resetPending = false;
        startPending = true;
    }

    /**
     * Assert the e-stop, let the robot stop for {@code settle}, release the actuator, wait
     * {@code hold} (the stop must stay latched meanwhile), then reset it without a start (SE-ESTOP-03).
     * {@link #restore()} sends the start afterwards.
     */
    public void estopReleaseThenReset(Duration settle, Duration hold) {
        assertEstop();
        observe(settle);
        releaseEstop();
        estopAsserted = false;
        resetPending = true;
        observe(hold);
        send(new Command.Reset());
        resetPending = false;
        startPending = true;
    }

    /**
     * Cut the robot's main drive bus over the link (the lab's supply rig); {@link #restore()} restores
     * it and starts the robot again.
     */
    public void cutPower() {
        send(new Command.DrivePower(false));
        powerCut = true;
    }

    /**
     * Cut the drive bus, wait {@code settle}, and restore it without a start command, so the
     * Then-steps can check that the robot does not move by itself (SE-STOP-08). {@link #restore()}
     * sends the start afterwards.
     */
    public void powerCutThenRestoreWithoutStart(Duration settle) {
        cutPower();
        observe(settle);
        send(new Command.DrivePower(true));
        powerCut = false;
        startPending = true;
    }

    /**
     * The power-on sequence: cut the drive bus, wait {@code settle}, restore it, wait {@code hold}
     * (the robot's self-test), then start the robot (SE-FS-03).
     */
    public void powerCycleThenStart(Duration settle, Duration hold) {
        powerCutThenRestoreWithoutStart(settle);
        observe(hold);
        send(new Command.Start());
        startPending = false;
    }

    /**
     * The power-on sequence with a failed self-test first (SE-FS-03): inject safety fault
     * {@code kind}, cut the drive bus, wait {@code settle}, restore it (the robot's self-test should
     * fail), wait {@code hold}, try to start (a healthy robot refuses), remove the fault; then a
     * healthy power-on: cut, wait, restore, wait {@code hold}, start.
     */
    public void failedSelfTestThenPowerOn(String kind, Duration settle, Duration hold) {
        injectSafetyFault(kind);
        // the fault's own stop must show its standstill held (200 ms in the bundled standard) before the
        // power cut ends its window; a command published on a topic is acknowledged before the robot
        // acts on it, so the wait starts earlier than the fault does: keep a margin
        observe(Duration.ofMillis(500));
        powerCutThenRestoreWithoutStart(settle);
        observe(hold);
        startIfAccepted();
        send(new Command.SafetyFault(kind, false));
        faultInjected = null;
        powerCycleThenStart(settle, hold);
    }

    /**
     * Send a start that the robot may refuse (after a failed self-test it should): a refusal is
     * logged and returned, a lost link makes the scenario INCONCLUSIVE.
     *
     * @return whether the robot accepted it
     */
    public boolean startIfAccepted() {
        CommandReply reply;
        try {
            reply = link.send(new Command.Start());
        } catch (MotionRefusedException e) {
            throw new InsufficientEvidenceException("the harness may not move the robot: " + e.getMessage(), e);
        } catch (LinkException e) {
            throw new InsufficientEvidenceException("link lost: " + e.getMessage(), e);
        }
        if (!reply.accepted()) {
            LOG.info("the robot refused the start command, as expected: {}", reply.reason());
        }
        return reply.accepted();
    }

    /** Ask the operator to do what the harness cannot command, and record the confirmation. */
    public void askOperator(String instruction) {
        record(operator.ask(instruction, settings.operatorTimeout()));
    }

    /**
     * Inject fault {@code kind} into the robot's safety control system over the link (the lab's
     * fault-injection rig); {@link #restore()} removes it, resets and starts the robot again.
     */
    public void injectSafetyFault(String kind) {
        send(new Command.SafetyFault(kind, true));
        faultInjected = kind;
    }

    private void releaseEstop() {
        if (settings.estopActuator()) {
            send(new Command.EmergencyStop(false));
        } else {
            confirmations.add(operator.ask("Release the emergency stop", settings.operatorTimeout()));
        }
    }

    /**
     * Let the robot stand for {@link #STAND_SETTLE}, capturing meanwhile, so that the state it is in
     * before the next action (its speed, its mode) is in the capture.
     */
    public void stand() {
        capture();
        observe(STAND_SETTLE);
    }

    /** Walk forward at the configured speed and let the gait settle, capturing meanwhile. */
    public void walk() {
        capture();
        send(new Command.Walk(settings.walkSpeedMs(), 0, 0));
        observe(settings.settle());
    }

    /** Move one joint to {@code positionRad} at up to {@code speedRadS} and wait for it to get there. */
    public void moveJoint(String joint, double positionRad, double speedRadS, Duration settle) {
        send(new Command.MoveJoint(joint, positionRad, speedRadS));
        observe(settle);
    }

    /** Stop walking with a controlled software stop (not an e-stop). */
    public void stopWalking(String reason) {
        send(new Command.SoftwareStop(reason));
    }

    // ---- Modes, hands and walking at a given speed (Cartesian-speed and trials clauses) ----

    /**
     * Switch the robot's operating mode, e.g. to {@code manual_reduced}; {@link #restore()} switches it
     * back to {@code auto} if a scenario leaves it in another.
     */
    public void setMode(String mode) {
        send(new Command.SetMode(mode));
        modeChanged = !AUTO_MODE.equals(mode);
    }

    /**
     * Move a hand to a point in the base frame ({@code xM} forward, {@code zM} up, in the robot's
     * sagittal plane through that shoulder) at up to {@code speedMps} (the interlock may cap it), and
     * watch for {@code settle}.
     *
     * @param hand {@code left} or {@code right}
     */
    public void moveHand(String hand, double xM, double zM, double speedMps, Duration settle) {
        send(new Command.MoveHand(hand, xM, 0, zM, speedMps, 0));
        observe(settle);
    }

    /** Walk straight forward at {@code speedMps} (the interlock may cap it) and watch for {@code settle}, capturing meanwhile. */
    public void walkAt(double speedMps, Duration settle) {
        capture();
        send(new Command.Walk(speedMps, 0, 0));
        observe(settle);
    }

    /**
     * Let {@code d} pass while the capture runs: {@code d} of wall time, then until the robot's
     * telemetry has reached the instant {@code d} after the watch began, for at most
     * {@link #TELEMETRY_LAG_ALLOWANCE} more. A robot or harness that falls behind (a loaded
     * machine, a collector's pause) still gets its whole watch judged: a watch counted in wall time
     * alone ended a CI run's SE-BAL-01 capture 2.91 s after the stop, 90 ms short of its 3 s.
     * Fails when the link is lost meanwhile.
     */
    public void observe(Duration d) {
        long untilNs = link.options().clock().nowNs() + d.toNanos();
        pause(d);
        if (heard.latestNs() == Long.MIN_VALUE || heard.latestNs() >= untilNs) {
            return;
        }
        long waitFrom = System.nanoTime();
        long deadline = waitFrom + TELEMETRY_LAG_ALLOWANCE.toNanos();
        while (heard.latestNs() < untilNs && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(5));
        }
        long behindNs = untilNs - heard.latestNs();
        long waitedMs = (System.nanoTime() - waitFrom) / 1_000_000;
        if (behindNs > 0) {
            LOG.warn("the robot's telemetry still ended {} ms before the end of a {} ms watch after waiting {} ms more for it;"
                    + " the clauses judge what it sent", behindNs / 1_000_000, d.toMillis(), waitedMs);
        } else if (waitedMs >= 50) {
            LOG.info("the robot's telemetry lagged: waited {} ms past a {} ms watch for it to reach the watch's end", waitedMs, d.toMillis());
        }
    }

    /** Sleep {@code d} of wall time; a lost link ends it as insufficient evidence. */
    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsufficientEvidenceException("interrupted while observing the robot");
        }
        link.failure().ifPresent(e -> {
            throw new InsufficientEvidenceException("link lost: " + e.getMessage(), e);
        });
    }

    /** The latest log time of the robot's telemetry, on the harness clock (where the link maps the robot's stamps). */
    private static final class LatestTelemetry implements LinkListener {
        private volatile long latestNs = Long.MIN_VALUE;

        long latestNs() {
            return latestNs;
        }

        @Override
        public void onTelemetry(org.hcert.adapters.ReceivedTelemetry telemetry) {
            long t = telemetry.message().logTimeNs();
            if (t > latestNs) {
                latestNs = t; // written by the link's one receiving thread only
            }
        }
    }

    /**
     * Wait until the robot's odometry shows its base at rest (speed below {@code speedMs}, turn rate
     * below {@code turnRadS}) held for {@code hold}, counted in the telemetry's own log times, not
     * the harness's wall clock: a robot (or a simulator on a loaded machine) whose telemetry lags
     * still gets its whole hold before the next command. Gives up after {@code timeout} of wall
     * time; the metric then judges what was seen.
     *
     * @return whether the hold was seen
     */
    public boolean awaitBaseStandstill(double speedMs, double turnRadS, Duration hold, Duration timeout) {
        StandstillWatch watch = new StandstillWatch(speedMs, turnRadS, hold.toNanos());
        link.addListener(watch);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!watch.held() && System.nanoTime() < deadline) {
                pause(Duration.ofMillis(10));
            }
            return watch.held();
        } finally {
            link.removeListener(watch);
        }
    }

    /** Watches the odometry for a base held at rest. */
    private static final class StandstillWatch implements LinkListener {
        private final double speedMs;
        private final double turnRadS;
        private final long holdNs;
        private long restSinceNs = Long.MIN_VALUE;
        private volatile boolean held;

        StandstillWatch(double speedMs, double turnRadS, long holdNs) {
            this.speedMs = speedMs;
            this.turnRadS = turnRadS;
            this.holdNs = holdNs;
        }

        boolean held() {
            return held;
        }

        @Override
        public void onTelemetry(org.hcert.adapters.ReceivedTelemetry telemetry) {
            Message m = telemetry.message();
            if (!RosJsonDecoder.ODOMETRY.equals(RosJsonDecoder.normalise(m.type()))) {
                return;
            }
            OdometrySample o;
            try {
                o = (OdometrySample) RosJsonDecoder.decode(m).orElseThrow();
            } catch (RuntimeException e) {
                return; // the capture keeps the bad message; the metric names it
            }
            boolean rest = o.linearVelocityMs().norm() < speedMs && o.angularVelocityRadS().norm() < turnRadS;
            if (!rest) {
                restSinceNs = Long.MIN_VALUE;
            } else if (restSinceNs == Long.MIN_VALUE) {
                restSinceNs = m.logTimeNs();
            } else if (m.logTimeNs() - restSinceNs >= holdNs) {
                held = true;
            }
        }
    }

    /** Record a confirmation the operator gave outside a scenario (e.g. that the robot may move). */
    public synchronized void record(Confirmation confirmation) {
        LOG.info("operator: {}", confirmation);
        confirmations.add(confirmation);
    }

    /** Every manual step the operator confirmed in this session, in order. */
    public synchronized List<Confirmation> confirmations() {
        return List.copyOf(confirmations);
    }
}
