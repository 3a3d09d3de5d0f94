package org.hcert.runner.command;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hcert.adapters.LinkOptions;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.profile.LabProfile;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.run.ClauseVerdicts;
import org.hcert.conformance.run.FeatureChanges;
import org.hcert.conformance.run.FeatureRun;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.HcertVersion;
import org.hcert.runner.UsageException;
import org.hcert.runner.report.AllureHtml;
import org.hcert.runner.report.AllureResults;
import org.hcert.runner.log.RunLog;
import org.hcert.runner.report.Certificate;
import org.hcert.runner.report.CertificatePdf;
import org.hcert.runner.report.ReportHistory;
import org.hcert.runner.report.RunMode;
import org.hcert.runner.report.RunResults;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        footer = {"%nExamples:", "  ./hcert certify --simulator --robot profiles/robots/hc1-demo.yaml \\", "      --standard profiles/standards/heis-2026.yaml --lab profiles/labs/demo-lab.yaml --out out/demo --force", "  ./hcert certify --recording samples/recordings/catalogue.mcap --robot … --standard … --lab … --out out/recorded", "  ./hcert certify --link tcp://192.168.1.20:7500 --allow-motion --robot … --standard … --lab … --out out/live"},
        description = {
            "Certify a robot against a standard profile, from a recording or live over a link.",
            "Writes DIR/allure-results/, DIR/report/index.html, DIR/certificate.json and DIR/hcert.log (the run's log)."
        })
public final class CertifyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CertifyCommand.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private RecordingOptions definitions = new RecordingOptions();

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
        @Option(names = "--recording", required = true, paramLabel = "FILE|FOLDER",
                description = "recorded telemetry (.mcap, .ndjson, .csv, .db3, .bag, .hdf5, or a rosbag2 bag folder or LeRobot dataset); repeat it to merge "
                        + "several recordings of one session by time")
        @Nullable List<Path> recording;

        @Option(names = "--link", required = true, paramLabel = "URI",
                description = "a live robot: tcp://HOST:PORT[?token=T], tls://HOST:PORT[?token=T][&pin=sha256:HEX] "
                        + "(TLS 1.3; see --link-trust), serial:///dev/ttyUSB0?baud=921600, or ws://HOST:PORT (a Foxglove "
                        + "WebSocket server such as foxglove_bridge)")
        @Nullable String link;

        @Option(names = "--simulator", required = true, arity = "0..1", fallbackValue = "", paramLabel = "FAULTS",
                description = "certify the built-in virtual humanoid live: started on a loopback port and stopped by "
                        + "this command; FAULTS is a comma-separated list of faults to inject (see hcert simulate --help)")
        @Nullable String simulatorFaults;
    }

    @Option(names = "--observe", paramLabel = "SECONDS",
            description = "with --link: command nothing; record the robot's telemetry for SECONDS (or until the link ends, "
                    + "as a replaying server's does at the end of its file) into session.mcap, then judge that recording")
    private @Nullable Long observeS;

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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (replaced parts: allure-results/, report/, certificate.json, hcert.log, session.mcap)")
    private Path out;

    @Option(names = "--features", paramLabel = "PATH", defaultValue = FeatureRun.BUNDLED_FEATURES,
            description = "feature folder or file; default: the bundled features (${DEFAULT-VALUE})")
    private String features;

    @Option(names = "--no-html", description = "skip the Allure HTML report and its evidence plots (results, certificate and its "
            + "print are still written)")
    private boolean noHtml;

    @Option(names = {"-v", "--verbose"}, description = "write DEBUG lines to DIR/" + RunLog.CERTIFY_FILE + " (default: INFO and above)")
    private boolean verbose;

    @Option(names = "--force", description = "replace the outputs of a previous run in --out (without it, a folder holding them is refused)")
    private boolean force;

    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "sign the report's manifest with this Ed25519 private key (PEM, from hcert keys generate; its .pub.pem beside it)")
    private @Nullable Path signingKey;

    @Mixin
    private RunModeOptions runModeOptions = new RunModeOptions();

    @Option(names = "--history", paramLabel = "DIR",
            description = "carry the history and trends of the previous report of the same robot in DIR into this one")
    private @Nullable Path history;

    /** What is left to write once the run's log is closed: the manifest covers the whole log. */
    private static final class Pending {
        final int exitCode;
        /** The certificate's bytes, checked against its schema. */
        final byte[] certificate;
        final Manifest.Inputs inputs;
        final String runId;
        /** Its print, rendered on another core while the results and the report are written. */
        final java.util.function.Supplier<byte[]> pdf;

        Pending(int exitCode, com.fasterxml.jackson.databind.JsonNode json, Manifest.Inputs inputs, String runId) {
            this.exitCode = exitCode;
            this.certificate = Certificate.bytes(json);
            this.inputs = inputs;
            this.runId = runId;
            String sha256 = FileHashes.sha256(certificate);
            this.pdf = Background.start("hcert-pdf", () -> CertificatePdf.render(json, sha256));
        }
    }

    @Override
    public Integer call() {
        java.security.PrivateKey key = signingKey == null ? null : SigningKeys.readPrivate(signingKey);
        String signer = key == null || signingKey == null ? "nobody (not signed)" : SigningKeys.fingerprint(SigningKeys.publicOf(key, signingKey));
        Profiles profiles = inputs();
        RunFolder folder = RunFolder.claim(this.out, force);
        this.publishing = new Publishing(folder, key, signer);
        Pending pending;
        try (RunLog log = RunLog.open(folder.resolve(RunLog.CERTIFY_FILE), verbose)) {
            LOG.info("hcert {} {}; log {}", HcertVersion.get(),
                    String.join(" ", spec.commandLine().getParseResult().originalArgs()), log.file());
            try {
                pending = certify(profiles);
                LOG.info("exit code {}; the manifest is signed by {}", pending.exitCode, signer);
            } catch (UsageException e) {
                // the user's error first, then what it left behind
                LOG.error("certify ended without a certificate: {}", e.getMessage(), e);
                keepResults();
                throw new UsageException(e.getMessage() + "\nhcert: no certificate was written; %s holds what this run wrote until it stopped"
                        .formatted(this.out));
            } catch (RuntimeException e) {
                LOG.error("certify ended without a certificate: {}", e.getMessage(), e);
                keepResults();
                spec.commandLine().getErr().println("hcert: no certificate was written; %s holds what this run wrote until it stopped"
                        .formatted(this.out));
                throw e;
            }
        }
        publish(pending);
        return pending.exitCode;
    }

    /** Where and how the outputs are written, once the folder is claimed. */
    private record Publishing(RunFolder folder, java.security.@Nullable PrivateKey key, String signer) {}

    private @Nullable Publishing publishing;

    /** The Allure results of the run, once its folder is prepared: what they hold is written even when the run fails. */
    private @Nullable RunResults allure;

    /** Write the results held when the run stops early (an error, an abort); a failure to write them must not hide why it stopped. */
    private void keepResults() {
        RunResults held = allure;
        if (held != null) {
            try {
                held.finish(Map.of());
            } catch (RuntimeException e) {
                LOG.error("cannot write the results held in {}: {}", held.dir(), e.getMessage(), e);
            }
        }
    }

    /** Write the certificate, its print, the manifest and its signature; the certificate last. */
    private synchronized Path publish(Pending pending) {
        Publishing p = Objects.requireNonNull(publishing, "the folder is claimed first");
        RunFolder folder = p.folder();
        java.security.PrivateKey key = p.key();
        String signer = p.signer();
        // the certificate last: a folder with a certificate holds a whole report, one without holds none
        Path partial = folder.stage("certificate.json", pending.certificate);
        Path pdf = folder.stage(CertificatePdf.FILE, pending.pdf.get());
        byte[] manifest = Manifest.build(folder.dir(), java.util.Map.of("certificate.json", partial, CertificatePdf.FILE, pdf),
                pending.inputs, HcertVersion.get(), pending.runId, signer);
        folder.writeWhole(Manifest.FILE, manifest);
        if (key != null) {
            folder.writeWhole(Manifest.SIGNATURE_FILE, (java.util.Base64.getEncoder().encodeToString(SigningKeys.sign(key, manifest)) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        folder.publish(pdf, CertificatePdf.FILE);
        Path certificate = folder.publish(partial, "certificate.json");
        PrintWriter console = spec.commandLine().getOut();
        console.println("manifest:    " + folder.resolve(Manifest.FILE) + (key == null ? " (not signed: give --signing-key to sign it)"
                : " (signed by " + signer + ")"));
        console.println("printable:   " + folder.resolve(CertificatePdf.FILE));
        console.println("certificate: " + certificate);
        console.flush();
        return certificate;
    }

    /**
     * The certificate of a run interrupted before its clauses were judged: every applicable clause
     * INCONCLUSIVE ("not judged"), the result INCOMPLETE, the reason in {@code run.aborted}, and
     * the session recording (finished by then) as its evidence.
     */
    private Pending aborted(String reason, Certification certification, LabProfile lab, RunMode runMode) {
        Plan plan = certification.plan();
        List<ClauseResult> results = plan.clauses().stream().map(p -> p.applicable()
                ? ClauseResult.inconclusive(p.clause().id(), List.of(), "not judged: " + reason)
                : ClauseResult.notApplicable(p.clause().id(), p.reason())).toList();
        Path session = this.out.resolve("session.mcap");
        List<ProfileFile> recordings = java.nio.file.Files.isRegularFile(session)
                ? List.of(new ProfileFile(session, FileHashes.sha256(session))) : List.of();
        UUID runId = UUID.randomUUID();
        com.fasterxml.jackson.databind.JsonNode certificate = Certificate.build(new Certificate.Content(HcertVersion.get(), runId, Instant.now(),
                certification.robot(), certification.standard(), lab, "live", recordings, List.of(), Map.of(), List.of(), List.of(),
                plan, results, List.of(), ClauseVerdicts.Overall.INCOMPLETE, runMode.abortedBecause(reason)));
        LOG.warn("aborted: {}; every applicable clause INCONCLUSIVE, overall INCOMPLETE", reason);
        return new Pending(ExitCodes.INCOMPLETE, certificate, new Manifest.Inputs(recordings,
                List.of(certification.robot().file(), certification.standard().file(), lab.file()), Map.of()), runId.toString());
    }

    /** The profiles, read and checked before the run touches its folder, and what kind of run it is. */
    private record Profiles(RobotProfile robot, StandardProfile standard, LabProfile lab, RunMode runMode) {}

    /** Read the profiles and check the recordings are there: an input error leaves the --out folder as it was. */
    private Profiles inputs() {
        RobotProfile robotProfile = ProfileLoader.loadRobot(robot);
        robotProfile.draftLine().ifPresent(line -> {
            throw new ProfileException(robotProfile.file().path(), line, "draft", "this robot profile is a draft written by "
                    + "hcert profile init from a recording: review every value (identity, class, capabilities, declared values, "
                    + "joint limits seen in the recording are not declared limits) and remove the draft line, then certify");
        });
        StandardProfile standardProfile = ProfileLoader.loadStandard(standard);
        LabProfile labProfile = ProfileLoader.loadLab(lab);
        Set<String> known = standardProfile.clauses().stream().map(org.hcert.conformance.profile.Clause::id).collect(Collectors.toSet());
        for (org.hcert.conformance.profile.Waiver w : labProfile.waivers()) {
            if (!known.contains(w.clause())) {
                throw new ProfileException(labProfile.file().path(), w.line(), "waivers.clause",
                        "%s is not a clause of standard profile %s: a waiver must name the clause it concerns".formatted(w.clause(),
                                standardProfile.file().path()));
            }
        }
        Profiles p = new Profiles(robotProfile, standardProfile, labProfile, runModeOptions.resolve(features, robotProfile, standardProfile, labProfile, known));
        Path previous = history;
        if (previous != null) {
            SameRobot.check(previous, robotProfile);
        }
        if (evidence.link != null) {
            linkTls.settingsFor(evidence.link);
        }
        String faults = evidence.simulatorFaults;
        if (faults != null && !faults.isBlank()) {
            try {
                org.hcert.simulator.server.SimulatorServer.checkFaults(List.of(faults.split(",", -1)));
            } catch (IllegalArgumentException e) {
                throw UsageException.of(e);
            }
        }
        if (evidence.recording != null) {
            for (Path r : evidence.recording) {
                RecordingFiles.check(r);
            }
        }
        return p;
    }

    private Pending certify(Profiles profiles) {
        PrintWriter out = spec.commandLine().getOut();
        RobotProfile robotProfile = profiles.robot();
        StandardProfile standardProfile = profiles.standard();
        LabProfile labProfile = profiles.lab();
        LOG.info("robot profile {} (sha256 {}), standard profile {} (sha256 {}), lab profile {} (sha256 {})",
                robotProfile.file().path(), robotProfile.file().sha256(), standardProfile.file().path(),
                standardProfile.file().sha256(), labProfile.file().path(), labProfile.file().sha256());
        Plan all = Plan.of(robotProfile, standardProfile);
        Plan plan = profiles.runMode().selectedClauses().isEmpty() ? all : all.selecting(Set.copyOf(profiles.runMode().selectedClauses()));
        LOG.info("mode {}: {}", profiles.runMode().name(), profiles.runMode().statement());
        plan.clauses().forEach(p -> LOG.info("plan: {} {}: {}", p.clause().id(), p.applicable() ? "applies" : "does not apply",
                p.reason()));
        Path results = this.out.resolve("allure-results");
        RunResults allure = AllureResults.prepare(results, environment(robotProfile, standardProfile, labProfile, profiles.runMode()));
        this.allure = allure;
        Certification certification = new Certification(robotProfile, standardProfile, plan, features, allure, !noHtml);
        AllureResults.writeExecutor(results, HcertVersion.get(), labProfile.name(), labProfile.operatorName(),
                "hcert: %s %s".formatted(robotProfile.identity().model(), standardProfile.id()), ReportHistory.nextBuildOrder(history));
        List<Path> recording = evidence.recording;
        if (observeS != null && evidence.link == null) {
            throw new UsageException("--observe watches a robot over --link; a recording is judged as it is");
        }
        if (observeS != null && !(observeS > 0)) {
            throw new UsageException("--observe %d: give a number of seconds greater than zero".formatted(observeS));
        }
        RunEvidence run = recording != null ? RecordedRun.run(recording, definitions, certification)
                : observeS != null ? ObservedRun.run(Objects.requireNonNull(evidence.link), Duration.ofSeconds(observeS),
                        LinkOptions.defaults().withLinkTimeout(Duration.ofMillis(linkTimeoutMs))
                                .withAnswerTimeout(Duration.ofMillis(answerTimeoutMs)), linkTls.settingsFor(evidence.link), this.out,
                        definitions, certification)
                : liveRun(out, certification, labProfile, profiles.runMode());
        List<ClauseResult> clauseResults = ClauseVerdicts.of(plan, run.outcomes());
        List<String> contradictions = run.context().contradictions();
        List<FeatureChanges.Change> featureChanges = FeatureChanges.of(run.context().featureSha256());
        ClauseVerdicts.Overall overall = ClauseVerdicts.overall(plan, clauseResults, contradictions);
        contradictions.forEach(c -> LOG.warn("declaration contradicted: {}", c));
        featureChanges.forEach(c -> LOG.warn("feature {} {} (sha256 {}, bundled {})", c.path(), c.change(), c.sha256(), c.bundledSha256()));
        clauseResults.forEach(r -> LOG.info("clause {}: {} ({})", r.clauseId(), r.verdict(), r.reason()));
        LOG.info("overall: {}", overall);
        UUID runId = UUID.randomUUID();
        com.fasterxml.jackson.databind.JsonNode certificate = Certificate.build(new Certificate.Content(HcertVersion.get(), runId, Instant.now(),
                robotProfile, standardProfile, labProfile, run.mode(), run.recordings().get(), run.confirmations(),
                run.context().featureSha256(), featureChanges, contradictions, plan, clauseResults, run.outcomes(), overall,
                profiles.runMode()));
        // the certificate is whole here: its print is rendered on another core while the rest is written
        Pending pending = new Pending(exitCode(overall), certificate, new Manifest.Inputs(run.recordings().get(),
                List.of(robotProfile.file(), standardProfile.file(), labProfile.file()), run.context().featureSha256()), runId.toString());
        Summary.print(out, clauseResults, contradictions, featureChanges, overall);
        for (org.hcert.conformance.profile.Waiver w : labProfile.waivers()) {
            out.println("%s:       %s (%s, approved by %s): %s; the verdict stands".formatted(w.kind(), w.clause(), w.reference(),
                    w.approver(), w.reason()));
        }
        out.println("mode:        " + profiles.runMode().statement());
        run.context().telemetryProblems().forEach(p -> spec.commandLine().getErr().println("hcert: error: " + p));
        Map<String, String> recordingHashes = new LinkedHashMap<>();
        run.recordings().get().forEach(r -> recordingHashes.put(r.path().toString(), r.sha256()));
        allure.finish(recordingHashes);
        String reportName = "hcert: %s %s".formatted(robotProfile.identity().model(), standardProfile.id());
        Path previousReport = history;
        try {
            if (previousReport != null) {
                ReportHistory.carry(previousReport, results);
            }
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        ReportHistory.write(results, this.out, reportName + " " + runId);
        if (!noHtml) {
            // generated beside its place and renamed into it: a report/ folder is always a whole one
            Path partial = this.out.resolve("report.partial");
            AllureHtml.generate(results, partial, "hcert: %s %s".formatted(robotProfile.identity().model(), standardProfile.id()));
            Path html;
            try {
                html = RunFolder.rename(partial, this.out.resolve("report")).resolve("index.html");
            } catch (java.io.IOException e) {
                throw new UsageException("cannot write %s: %s".formatted(this.out.resolve("report"), RunFolder.why(e)));
            }
            out.println("report:      " + html);
            LOG.info("wrote the HTML report {}", html);
        }
        LOG.info("wrote {}; the certificate follows", results);
        return pending;
    }

    private RunEvidence liveRun(PrintWriter console, Certification certification, LabProfile lab, RunMode runMode) {
        LiveRun live = new LiveRun(new LiveRun.Settings(allowMotion, nonInteractive, estopActuator,
                Duration.ofSeconds(operatorTimeoutS), Duration.ofMillis(linkTimeoutMs), Duration.ofMillis(answerTimeoutMs),
                linkTls::settingsFor), this.out, in, console);
        live.onAbort(reason -> {
            keepResults();
            Path certificate = publish(aborted(reason, certification, lab, runMode));
            console.println("hcert: an INCOMPLETE certificate marked aborted: " + certificate);
            console.flush();
        });
        String simulatorFaults = evidence.simulatorFaults;
        if (simulatorFaults != null) {
            List<String> faults = simulatorFaults.isBlank() ? List.of() : List.of(simulatorFaults.split(",", -1));
            return live.simulated(faults, certification, lab);
        }
        return live.live(Objects.requireNonNull(evidence.link, "one of --recording, --link and --simulator"), false,
                certification, lab);
    }

    private static int exitCode(ClauseVerdicts.Overall overall) {
        return switch (overall) {
            case CONFORMANT -> ExitCodes.CONFORMANT;
            case NON_CONFORMANT -> ExitCodes.NON_CONFORMANT;
            case INCOMPLETE -> ExitCodes.INCOMPLETE;
        };
    }

    private Map<String, String> environment(RobotProfile r, StandardProfile s, LabProfile l, RunMode runMode) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("mode", runMode.statement());
        env.put("robot", "%s %s (serial %s, firmware %s)".formatted(r.identity().manufacturer(), r.identity().model(),
                r.identity().serial(), r.identity().firmware()));
        env.put("robot class", r.robotClass());
        env.put("standard", "%s (%s)".formatted(s.id(), s.title()));
        env.put("lab", "%s, operator %s".formatted(l.name(), l.operatorName()));
        env.put("evidence", evidence.simulatorFaults != null ? "live, built-in simulator"
                : evidence.link != null ? "live " + evidence.link : String.join(" + ", Objects.requireNonNull(evidence.recording).stream().map(Path::toString).toList()));
        env.put("hcert", HcertVersion.get());
        for (org.hcert.conformance.profile.Waiver w : l.waivers()) {
            env.put(w.kind() + " " + w.clause(), "%s (%s, approved by %s); never changes the verdict".formatted(w.reason(), w.reference(),
                    w.approver()));
        }
        return env;
    }
}
