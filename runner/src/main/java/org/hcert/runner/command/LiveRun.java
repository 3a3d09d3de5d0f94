package org.hcert.runner.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.conformance.profile.LabProfile;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.ScenarioOutcome;
import org.hcert.runner.UsageException;
import org.hcert.telemetry.Recordings;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import org.jspecify.annotations.Nullable;

/**
 * {@code certify --link} and {@code certify --simulator}: judge a robot live over a link, every
 * frame recorded to {@code DIR/session.mcap}; for the simulator, serve it on a loopback port first
 * and stop it afterwards.
 */
final class LiveRun {

    /**
     * The live options of {@code certify}.
     *
     * @param tls for {@code tls://} links, from the URI
     */
    record Settings(boolean allowMotion, boolean nonInteractive, boolean estopActuator, Duration operatorTimeout,
            Duration linkTimeout, Duration answerTimeout, java.util.function.Function<String, TlsSettings> tls) {}

    private final Settings settings;
    private final Path out;
    private final Reader in;
    private final PrintWriter console;

    LiveRun(Settings settings, Path out, Reader in, PrintWriter console) {
        this.settings = settings;
        this.out = out;
        this.in = in;
        this.console = console;
    }

    /** Start the built-in simulator with {@code faults}, certify it over TCP on 127.0.0.1, and stop it. */
    RunEvidence simulated(List<String> faults, Certification certification, LabProfile lab) {
        try (SimulatorServer simulator = SimulatorServer.start(ServeConfig.tcp(0).withFaults(faults))) {
            console.println("simulator:   %s%s".formatted(simulator.describe(),
                    faults.isEmpty() ? "" : " with faults " + String.join(", ", faults)));
            return live(simulator.describe(), true, certification, lab);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator", e);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
    }

    private java.util.function.Consumer<String> onAbort = reason -> { };

    /**
     * Certify the robot at {@code uri}.
     *
     * @param simulated the robot is hcert's simulator: motion and the e-stop actuator are allowed, no person is at risk
     */
    RunEvidence live(String uri, boolean simulated, Certification certification, LabProfile lab) {
        Path session = out.resolve("session.mcap");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        Settings s = settings;
        LiveLink.Options options = new LiveLink.Options(uri, s.allowMotion() || simulated, s.nonInteractive(),
                s.estopActuator() || simulated, s.operatorTimeout(), lab.operatorName(), s.linkTimeout(),
                s.answerTimeout(), simulated, s.tls().apply(uri));
        RunEvidence run;
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<@Nullable LiveLink> opened = new java.util.concurrent.atomic.AtomicReference<>();
        // registered before the link opens: a Ctrl-C while connecting is an interrupted run too
        Thread interrupted = new Thread(() -> interrupted(opened.get(), uri, session, finished), "hcert-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            try (LiveLink live = LiveLink.open(options, certification.robot(),
                    LiveLink.settleAfterStop(certification.plan()), session, in, console)) {
                opened.set(live);
                run = judge(live, certification, session);
            }
        } finally {
            finished.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs
            }
        }
        // The session recording is whole once the link is closed: what it shows is checked against the declaration.
        run.context().checkDeclaration(Recordings.open(session));
        return run;
    }

    /**
     * The JVM is shutting down in the middle of the live run (Ctrl-C, SIGTERM): say so, stop the
     * robot, finish the session recording with the abort and the stop in it, and have an aborted
     * certificate written.
     */
    private void interrupted(@Nullable LiveLink live, String uri, Path session, java.util.concurrent.atomic.AtomicBoolean finished) {
        if (finished.getAndSet(true)) {
            return;
        }
        String reason = live == null
                ? "the run was interrupted (SIGINT or SIGTERM: Ctrl-C or kill) while connecting to " + uri
                : "the run was interrupted (SIGINT or SIGTERM: Ctrl-C or kill) during the live session with " + uri;
        synchronized (console) {
            console.println("hcert: interrupted: " + reason + (live == null ? "" : "; telling the robot to stop"));
            console.flush();
        }
        if (live == null) {
            onAbort.accept(reason);
            return;
        }
        live.abort(reason);
        synchronized (console) {
            console.println("hcert: the evidence so far is in " + session + " (finished, with the abort and the stop recorded)");
            console.flush();
        }
        onAbort.accept(reason);
    }

    private RunEvidence judge(LiveLink live, Certification certification, Path session) {
        CertificationContext context = certification.context(live.link().asTelemetrySource()).live(live.session());
        List<ScenarioOutcome> outcomes = certification.run(context);
        console.println("session:     " + session);
        return new RunEvidence(context, outcomes, "live", live.session().confirmations(),
                () -> List.of(new ProfileFile(session, FileHashes.sha256(session))));
    }

    /** What to do when the run is interrupted, after the robot was told to stop and the session finished: write an aborted certificate. */
    void onAbort(java.util.function.Consumer<String> then) {
        this.onAbort = then;
    }
}
