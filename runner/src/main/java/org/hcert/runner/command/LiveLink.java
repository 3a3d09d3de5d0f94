package org.hcert.runner.command;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final RobotLink link;
    private final SessionRecorder recorder;
    private final Watchdog watchdog;
    private final LiveSession session;

    private LiveLink(RobotLink link, SessionRecorder recorder, Watchdog watchdog, LiveSession session) {
        this.link = link;
        this.recorder = recorder;
        this.watchdog = watchdog;
        this.session = session;
    }

    /** The options of one live run, from the command line; {@code tls} applies to {@code tls://} links. */
    record Options(String uri, boolean allowMotion, boolean nonInteractive, boolean estopActuator,
            Duration operatorTimeout, String operatorName, Duration linkTimeout, Duration answerTimeout,
            boolean simulated, TlsSettings tls) {}

    static LiveLink open(Options o, RobotProfile robot, Path sessionFile, Reader in, PrintWriter out) {
        RobotLink raw;
        try {
            raw = RobotLinks.of(o.uri(), LinkOptions.defaults().withLinkTimeout(o.linkTimeout())
                    .withAnswerTimeout(o.answerTimeout()), o.tls(), robot.commands(), java.util.Set.copyOf(robot.topics().allTopics()));
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
        return new LiveLink(link, recorder, watchdog, session);
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

    @Override
    public void close() {
        watchdog.close();
        link.close();
        recorder.close();
    }
}
