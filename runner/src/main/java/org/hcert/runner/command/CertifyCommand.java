package org.hcert.runner.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.hcert.telemetry.TelemetrySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert certify}: run the applicable clauses against a recording and write the report. */
@Command(
        name = "certify",
        mixinStandardHelpOptions = true,
        description = {
            "Certify a robot against a standard profile from a recording.",
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

    @Option(names = "--recording", required = true, paramLabel = "FILE",
            description = "recorded telemetry (.ndjson)")
    private Path recording;

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
        if (!Files.isRegularFile(recording)) {
            throw new UsageException("%s: recording not found".formatted(recording));
        }
        TelemetrySource source = Recordings.open(recording);
        ProfileFile recordingFile = new ProfileFile(recording, sha256(recording));
        Path results = this.out.resolve("allure-results");
        AllureResults.prepare(results, environment(robotProfile, standardProfile, labProfile));
        CertificationContext context = new CertificationContext(robotProfile, standardProfile, source);
        List<ScenarioOutcome> outcomes = plan.applicable().isEmpty()
                ? List.of()
                : FeatureRun.execute(context, new FeatureRun.Options(features, plan.tagExpression(),
                        List.of(AllureResults.CUCUMBER_PLUGIN)));
        List<ClauseResult> clauseResults = ClauseVerdicts.of(plan, outcomes);
        ClauseVerdicts.Overall overall = ClauseVerdicts.overall(plan, clauseResults);
        Path certificate = this.out.resolve("certificate.json");
        Certificate.write(Certificate.build(new Certificate.Content(HcertVersion.get(), UUID.randomUUID(), Instant.now(),
                robotProfile, standardProfile, labProfile, "recording", List.of(recordingFile),
                context.featureSha256(), plan, clauseResults, outcomes, overall)), certificate);
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
        env.put("recording", recording.toString());
        env.put("hcert", HcertVersion.get());
        return env;
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
