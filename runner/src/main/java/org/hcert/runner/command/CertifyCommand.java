package org.hcert.runner.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.hcert.conformance.live.Confirmation;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.LabProfile;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.ClauseVerdicts;
import org.hcert.conformance.run.FeatureRun;
import org.hcert.conformance.run.ScenarioOutcome;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.HcertVersion;
import org.hcert.runner.UsageException;
import org.hcert.runner.report.AllureHtml;
import org.hcert.runner.report.AllureResults;
import org.hcert.runner.report.Certificate;
import org.hcert.telemetry.Recordings;
import org.hcert.simulator.server.ServeConfig;
import org.hcert.simulator.server.SimulatorServer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert certify}: run the applicable clauses against a recording and write the report. */
@Command(
        name = "certify",
        mixinStandardHelpOptions = true,
        description = {
            "Certify a robot against a standard profile, from a recording or live over a link.",
            "Writes DIR/allure-results/, DIR/report/index.html and DIR/certificate.json."
        })
public final class CertifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--robot", required = true, paramLabel = "ROBOT.yaml", description = "robot profile")
    private Path robot;

    @Option(names = "--standard", required = true, paramLabel = "STANDARD.yaml", description = "standard profile")
    private Path standard;

    @Option(names = "--lab", required = true, paramLabel = "LAB.yaml", description = "lab profile")
    private Path lab;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Evidence evidence;

    /** Where the telemetry comes from: a recording, or a live robot. */
    static final class Evidence {
        @Option(names = "--recording", required = true, paramLabel = "FILE",
                description = "recorded telemetry (.mcap, .ndjson, .csv, .db3)")
        Path recording;

        @Option(names = "--link", required = true, paramLabel = "URI",
                description = "a live robot: tcp://HOST:PORT[?token=T], tls://HOST:PORT[?token=T][&pin=sha256:HEX] "
                        + "(TLS 1.3; see --link-trust) or serial:///dev/ttyUSB0?baud=921600")
        String link;

        @Option(names = "--simulator", required = true, arity = "0..1", fallbackValue = "", paramLabel = "FAULTS",
                description = "certify the built-in virtual humanoid live: started on a loopback port and stopped by "
                        + "this command; FAULTS is a comma-separated list of faults to inject (see hcert simulate --help)")
        String simulatorFaults;
    }

    @Option(names = "--allow-motion", description = "live: the harness may command motion (after the operator confirms)")
    private boolean allowMotion;

    @Option(names = "--non-interactive", description = "live: never wait for the operator; manual steps are INCONCLUSIVE")
    private boolean nonInteractive;

    @Option(names = "--estop-actuator", description = "live: the lab's rig asserts the e-stop input over the link instead of the operator's hand")
    private boolean estopActuator;

    @Option(names = "--operator-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "live: how long a manual step may take (default ${DEFAULT-VALUE} s)")
    private long operatorTimeoutS;

    @Option(names = "--link-timeout", paramLabel = "MS", defaultValue = "3000",
            description = "live: the longest silence from the robot before the link counts as lost (default ${DEFAULT-VALUE} ms)")
    private long linkTimeoutMs;

    @Option(names = "--answer-timeout", paramLabel = "MS", defaultValue = "2000",
            description = "live: how long the robot has to answer a command or a clock exchange (default ${DEFAULT-VALUE} ms)")
    private long answerTimeoutMs;

    @Mixin
    private LinkTlsOptions linkTls = new LinkTlsOptions();

    private final Reader in;

    public CertifyCommand(Reader in) {
        this.in = in;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (replaced parts: allure-results/, report/, certificate.json)")
    private Path out;

    @Option(names = "--features", paramLabel = "PATH", defaultValue = FeatureRun.BUNDLED_FEATURES,
            description = "feature folder or file; default: the bundled features (${DEFAULT-VALUE})")
    private String features;

    @Option(names = "--no-html", description = "skip the Allure HTML report (results and certificate are still written)")
    private boolean noHtml;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RobotProfile robotProfile = ProfileLoader.loadRobot(robot);
        StandardProfile standardProfile = ProfileLoader.loadStandard(standard);
        LabProfile labProfile = ProfileLoader.loadLab(lab);
        Plan plan = Plan.of(robotProfile, standardProfile);
        Path results = this.out.resolve("allure-results");
        AllureResults.prepare(results, environment(robotProfile, standardProfile, labProfile));
        Run run = evidence.simulatorFaults != null ? simulated(robotProfile, standardProfile, labProfile, plan, out)
                : evidence.link != null ? live(robotProfile, standardProfile, labProfile, plan, out, evidence.link, false)
                : recorded(robotProfile, standardProfile, plan);
        List<ClauseResult> clauseResults = ClauseVerdicts.of(plan, run.outcomes());
        ClauseVerdicts.Overall overall = ClauseVerdicts.overall(plan, clauseResults);
        Path certificate = this.out.resolve("certificate.json");
        Certificate.write(Certificate.build(new Certificate.Content(HcertVersion.get(), UUID.randomUUID(), Instant.now(),
                robotProfile, standardProfile, labProfile, run.mode(), List.of(new ProfileFile(run.recording(),
                        run.sha256().get())), run.confirmations(),
                run.context().featureSha256(), plan, clauseResults, run.outcomes(), overall)), certificate);
        CertificationContext context = run.context();
        Summary.print(out, clauseResults, overall);
        context.telemetryProblems().forEach(p -> spec.commandLine().getErr().println("hcert: error: " + p));
        if (!noHtml) {
            Path html = AllureHtml.generate(results, this.out.resolve("report"),
                    "hcert: %s %s".formatted(robotProfile.identity().model(), standardProfile.id()));
            out.println("report:      " + html);
        }
        out.println("certificate: " + certificate);
        return exitCode(overall);
    }

    /** What a run found, live or from a recording, and the SHA-256 of the recording, hex. */
    private record Run(CertificationContext context, List<ScenarioOutcome> outcomes, String mode, Path recording,
            List<Confirmation> confirmations, Supplier<String> sha256) {}

    private Run recorded(RobotProfile robot, StandardProfile standard, Plan plan) {
        Path recording = evidence.recording;
        if (!Files.isRegularFile(recording)) {
            throw new UsageException("%s: recording not found".formatted(recording));
        }
        CompletableFuture<String> sha256 = hashInBackground(recording);
        CertificationContext context = new CertificationContext(robot, standard, Recordings.open(recording));
        return new Run(context, execute(context, plan), "recording", recording, List.of(), () -> joined(sha256));
    }

    private Run simulated(RobotProfile robot, StandardProfile standard, LabProfile lab, Plan plan, PrintWriter console) {
        List<String> faults = evidence.simulatorFaults.isBlank() ? List.of()
                : List.of(evidence.simulatorFaults.split(","));
        try (SimulatorServer simulator = SimulatorServer.start(ServeConfig.tcp(0).withFaults(faults))) {
            console.println("simulator:   %s%s".formatted(simulator.describe(),
                    faults.isEmpty() ? "" : " with faults " + String.join(", ", faults)));
            return live(robot, standard, lab, plan, console, simulator.describe(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator", e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Run live(RobotProfile robot, StandardProfile standard, LabProfile lab, Plan plan, PrintWriter console,
            String uri, boolean simulated) {
        Path session = this.out.resolve("session.mcap");
        try {
            Files.createDirectories(this.out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + this.out, e);
        }
        LiveLink.Options options = new LiveLink.Options(uri, allowMotion || simulated, nonInteractive,
                estopActuator || simulated, Duration.ofSeconds(operatorTimeoutS), lab.operatorName(),
                Duration.ofMillis(linkTimeoutMs), Duration.ofMillis(answerTimeoutMs), simulated, linkTls.settingsFor(uri));
        try (LiveLink live = LiveLink.open(options, robot, session, in, console)) {
            CertificationContext context = new CertificationContext(robot, standard, live.link().asTelemetrySource())
                    .live(live.session());
            List<ScenarioOutcome> outcomes = execute(context, plan);
            console.println("session:     " + session);
            return new Run(context, outcomes, "live", session, live.session().confirmations(),
                    () -> sha256(session));
        }
    }

    private List<ScenarioOutcome> execute(CertificationContext context, Plan plan) {
        return plan.applicable().isEmpty()
                ? List.of()
                : FeatureRun.execute(context, new FeatureRun.Options(features, plan.tagExpression(),
                        List.of(AllureResults.CUCUMBER_PLUGIN)));
    }

    private static int exitCode(ClauseVerdicts.Overall overall) {
        return switch (overall) {
            case CONFORMANT -> ExitCodes.CONFORMANT;
            case NON_CONFORMANT -> ExitCodes.NON_CONFORMANT;
            case INCOMPLETE -> ExitCodes.INCOMPLETE;
        };
    }

    private Map<String, String> environment(RobotProfile r, StandardProfile s, LabProfile l) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("robot", "%s %s (serial %s, firmware %s)".formatted(r.identity().manufacturer(), r.identity().model(),
                r.identity().serial(), r.identity().firmware()));
        env.put("robot class", r.robotClass());
        env.put("standard", "%s (%s)".formatted(s.id(), s.title()));
        env.put("lab", "%s, operator %s".formatted(l.name(), l.operatorName()));
        env.put("evidence", evidence.simulatorFaults != null ? "live, built-in simulator"
                : evidence.link != null ? "live " + evidence.link : evidence.recording.toString());
        env.put("hcert", HcertVersion.get());
        return env;
    }

    /** Hash {@code file} on another core while the features run (its pages are then read from the cache). */
    private static CompletableFuture<String> hashInBackground(Path file) {
        CompletableFuture<String> hash = new CompletableFuture<>();
        Thread hashing = new Thread(() -> {
            try {
                hash.complete(sha256(file));
            } catch (RuntimeException e) {
                hash.completeExceptionally(e);
            }
        }, "hcert-sha256");
        hashing.setDaemon(true);
        hashing.start();
        return hash;
    }

    private static String joined(CompletableFuture<String> hash) {
        try {
            return hash.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading updates the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
