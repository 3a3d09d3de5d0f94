package org.hcert.runner.command;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.recording.SessionRecorder;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.adapters.safety.MotionInterlock;
import org.hcert.adapters.safety.MotionLimits;
import org.hcert.adapters.safety.Watchdog;
import org.hcert.conformance.live.Confirmation;
import org.hcert.conformance.live.ConsoleOperator;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.live.NonInteractiveOperator;
import org.hcert.conformance.live.Operator;
import org.hcert.conformance.family.DeclaredJoint;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.plan.PlannedClause;
import org.hcert.conformance.profile.LimitSpec;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.runner.UsageException;

/**
 * Everything a live run holds open, in the order that keeps the robot safe and the evidence
 * whole: the recorder starts before the hello, the watchdog is armed once connected, and closing
 * stops the robot before the link and the recording are closed.
 */
final class LiveLink implements AutoCloseable {

    /** Forward speed the harness commands when a scenario needs the robot walking, m/s, unless the robot declares {@code maxWalkSpeed} lower. */
    static final double DEFAULT_WALK_SPEED_MS = 0.5;

    /** The triggers of clauses that watch after the session's last stop, a normal stop. */
    private static final Set<String> STOP_WATCHERS = Set.of("normal-stop", "any-stop");

    /** The longest the session is kept open after its last stop, s. */
    private static final double MAX_SETTLE_S = 10.0;

    private final RobotLink link;
    private final SessionRecorder recorder;
    private final Watchdog watchdog;
    private final LiveSession session;
    private final Duration settleAfterStop;

    private LiveLink(RobotLink link, SessionRecorder recorder, Watchdog watchdog, LiveSession session,
            Duration settleAfterStop) {
        this.link = link;
        this.recorder = recorder;
        this.watchdog = watchdog;
        this.session = session;
        this.settleAfterStop = settleAfterStop;
    }

    /** The options of one live run, from the command line; {@code tls} applies to {@code tls://} links. */
    record Options(String uri, boolean allowMotion, boolean nonInteractive, boolean estopActuator,
            Duration operatorTimeout, String operatorName, Duration linkTimeout, Duration answerTimeout,
            boolean simulated, TlsSettings tls) {}

    static LiveLink open(Options o, RobotProfile robot, Duration settleAfterStop, Path sessionFile, Reader in, PrintWriter out) {
        RobotLink raw;
        try {
            raw = RobotLinks.of(o.uri(), LinkOptions.defaults().withLinkTimeout(o.linkTimeout())
                    .withAnswerTimeout(o.answerTimeout()), o.tls(), robot.commands(), Set.copyOf(robot.topics().allTopics()));
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        Operator operator = o.simulated() ? simulatedRobotOperator(o.operatorName())
                : o.nonInteractive() ? new NonInteractiveOperator()
                : new ConsoleOperator(o.operatorName(), in, out, Clock.systemUTC());
        double walk = Math.min(DEFAULT_WALK_SPEED_MS, robot.declaredValue("maxWalkSpeed").map(Quantity::si).orElse(DEFAULT_WALK_SPEED_MS));
        MotionInterlock interlock = new MotionInterlock(limits(robot, walk), o.allowMotion());
        RobotLink link = interlock.guard(raw);
        SessionRecorder recorder = SessionRecorder.start(sessionFile, link, Duration.ofSeconds(1));
        link.addListener(new LinkListener() {
            @Override
            public void onStatus(String level, String message, long receivedNs) {
                // the robot's server speaks to the operator (recorded in the session too)
                synchronized (out) {
                    out.println("robot status %s: %s".formatted(level, message));
                    out.flush();
                }
            }
        });
        // Before connecting, so that the session keeps the robot's events from the start (its provenance).
        LiveSession session = new LiveSession(link, operator,
                new LiveSession.Settings(o.estopActuator(), o.operatorTimeout(), walk, Duration.ofSeconds(2)));
        try {
            link.connect();
        } catch (LinkException e) {
            recorder.close();
            link.close();
            throw new UsageException("cannot connect to the robot: " + e.getMessage());
        }
        Watchdog watchdog = Watchdog.arm(link);
        if (o.allowMotion()) {
            interlock.confirm(question -> confirmed(session, operator, question, o.operatorTimeout()));
        }
        return new LiveLink(link, recorder, watchdog, session, settleAfterStop);
    }

    /**
     * How long the session goes on being recorded after the stop sent at its end. That stop is a
     * normal stop, and a replay of the session judges it as every other: the clauses that watch
     * after a normal stop (trigger {@code normal-stop} or {@code any-stop}) need their whole
     * {@code observationWindow} of telemetry after it, else they say INCONCLUSIVE ("a fault after
     * that is not seen"). Half a second is added for the link's delay; it is all the wait when no
     * clause of the plan watches after a normal stop.
     */
    static Duration settleAfterStop(Plan plan) {
        double watchS = plan.toRun().stream().map(PlannedClause::clause)
                .filter(c -> STOP_WATCHERS.contains(c.options().getOrDefault("trigger", "")))
                .map(c -> c.parameters().get("observationWindow")).filter(Objects::nonNull)
                .map(LimitSpec::value).flatMap(Optional::stream).mapToDouble(Quantity::si)
                .filter(Double::isFinite).max().orElse(0.0);
        return Duration.ofMillis(Math.round(Math.min(watchS, MAX_SETTLE_S) * 1000) + 500);
    }

    /**
     * For the built-in simulator no person is at risk: motion is confirmed by hcert itself, and the
     * certificate says so.
     */
    private static Operator simulatedRobotOperator(String name) {
        return (instruction, timeout) -> {
            Instant now = Instant.now();
            return new Confirmation(instruction, "hcert (simulated robot, no person at risk; lab operator " + name + ")",
                    now, now);
        };
    }

    private static boolean confirmed(LiveSession session, Operator operator, String question, Duration timeout) {
        try {
            session.record(operator.ask(question, timeout));
            return true;
        } catch (InsufficientEvidenceException e) {
            return false;
        }
    }

    private static MotionLimits limits(RobotProfile robot, double walkSpeedMs) {
        double joint = robot.joints().stream().mapToDouble(DeclaredJoint::maxVelocityRadS)
                .filter(Double::isFinite).min().orElse(1.0);
        double hand = robot.declaredValue("maxHandSpeed").map(Quantity::si).orElse(0.25);
        return new MotionLimits(walkSpeedMs, 0.5, joint, hand);
    }

    LiveSession session() {
        return session;
    }

    RobotLink link() {
        return link;
    }

    /**
     * The run is interrupted (SIGINT, SIGTERM): record the abort, tell the robot to stop (the stop
     * is recorded too), and finish the session recording; the link is closed. Safe to call once
     * from a shutdown hook while the run's thread still holds the link.
     */
    void abort(String reason) {
        recorder.abort(reason);
        watchdog.abort(reason);
        recorder.flush();
        link.close();
        recorder.close();
    }

    @Override
    public void close() {
        int stopsBefore = watchdog.stopsSent();
        watchdog.close();
        if (watchdog.stopsSent() > stopsBefore) {
            try {
                Thread.sleep(settleAfterStop.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        link.close();
        recorder.close();
    }
}
