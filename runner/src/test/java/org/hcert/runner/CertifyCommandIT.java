package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.profile.SchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code hcert certify} command end to end: exit codes, console output, certificate, report. */
class CertifyCommandIT {

    static final String ROBOT = "../profiles/robots/hc1-demo.yaml";
    static final String STANDARD = "../profiles/standards/heis-2026.yaml";
    static final String LAB = "../profiles/labs/demo-lab.yaml";
    static final Path RECORDINGS = Path.of("../samples/recordings");

    /**
     * Fields of certificate.json allowed to differ from the golden file, by JSON pointer, with why.
     * Everything else (hashes of every input, verdicts, measured values) must match to the letter;
     * after an intended change, run with {@code -Dhcert.updateGolden=true} and review the diff.
     */
    static final Map<String, String> DIVERGING = Map.of(
            "/runId", "a random UUID per run",
            "/issuedAt", "the wall-clock time of the run");

    @TempDir
    Path out;

    /** Where a test writes its inputs: a run owns its --out folder and refuses one holding other files. */
    @TempDir
    Path inputs;

    record Run(int exitCode, String stdout, String stderr) {}

    static Run hcert(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private Run certify(String robot, String recording, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("certify", "--robot", robot, "--standard", STANDARD,
                "--lab", LAB, "--recording", recording, "--out", out.toString()));
        args.addAll(List.of(extra));
        return hcert(args.toArray(String[]::new));
    }

    /** The bundled recording that gives every clause of the catalogue its evidence. */
    static final String CATALOGUE = RECORDINGS.resolve("catalogue.mcap").toString();

    private static String recording(String name) {
        return RECORDINGS.resolve(name + ".ndjson").toString();
    }

    @Test
    void conformantRecordingWritesReportAndValidCertificateAndExitsZero() throws IOException {
        Run run = certify(ROBOT, CATALOGUE);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.CONFORMANT);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).contains("SE-ESTOP-01   PASS").contains("overall:      CONFORMANT")
                .containsPattern("stop time: 4\\d\\d ms \\(limit ≤ 600 ms, D\\)");
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(SchemaCheck.validate("certificate.schema.json", certificate)).isEmpty();
        assertThat(certificate.get("overall").asText()).isEqualTo("CONFORMANT");
        Path html = out.resolve("report/index.html");
        assertThat(html).isRegularFile();
        assertThat(Files.readString(html)).contains("<title>hcert: HC-1 virtual humanoid HEIS-2026</title>")
                .contains("window.reportData").doesNotContain("googletagmanager").doesNotContain("gtag(");
        assertThat(out.resolve("allure-results")).isDirectoryContaining("glob:**-result.json");
        assertThat(Files.readString(out.resolve("allure-results/executor.json"))).contains("\"name\" : \"hcert ",
                "hcert demonstration lab, operator Demo Operator, on ");
        assertThat(Files.readString(out.resolve("allure-results/categories.json"))).contains("INCONCLUSIVE: link lost");
        assertThat(Files.readString(out.resolve("hcert.log"))).contains(
                "o.h.runner.command.CertifyCommand - hcert ", " certify --robot " + ROBOT,
                "plan: SE-ESTOP-01 applies: the robot is a full-size-biped and declares [emergency-stop]",
                "o.hcert.conformance.run.FeatureRun - running features classpath:features with tags @SE-ESTOP-01 or ",
                "o.h.conformance.run.VerdictCollector - scenario Standstill within the declared stopping time, drive power removed (SE-ESTOP-01, ",
                "clause SE-ESTOP-01: PASS", "overall: CONFORMANT", "exit code 0");
    }

    @Test
    void certificateMatchesTheGoldenFileExceptForDocumentedFields() throws IOException {
        Run run = certify(ROBOT, CATALOGUE, "--no-html");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        ObjectNode actual = (ObjectNode) json.readTree(out.resolve("certificate.json").toFile());
        Path goldenFile = Path.of("src/test/resources/golden/catalogue.certificate.json");
        if (Boolean.getBoolean("hcert.updateGolden")) {
            Files.copy(out.resolve("certificate.json"), goldenFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectNode golden = (ObjectNode) json.readTree(goldenFile.toFile());
        for (String pointer : DIVERGING.keySet()) {
            assertThat(actual.at(pointer).isMissingNode()).as(pointer).isFalse();
            actual.remove(pointer.substring(1));
            golden.remove(pointer.substring(1));
        }
        assertThat(actual.toPrettyString()).isEqualTo(golden.toPrettyString());
    }

    @Test
    void slowEstopIsNonConformantNamingClauseAndMeasuredValue() {
        Run run = certify(ROBOT, recording("slow-estop"), "--no-html");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        assertThat(run.stdout()).containsPattern("SE-ESTOP-01 +FAIL")
                .containsPattern("stop time: 1\\d\\d\\d ms \\(limit ≤ 600 ms, D\\) OUTSIDE LIMIT")
                .contains("overall:      NON_CONFORMANT");
    }

    @Test
    void missingTopicIsIncompleteWithItsOwnExitCode() {
        Run run = certify(ROBOT, recording("missing-safety-topic"), "--no-html");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.stdout()).containsPattern("SE-ESTOP-01 +INCONCLUSIVE +recording .*missing-safety-topic.ndjson "
                + "has no message on /safety/state \\(role safety_state\\)");
    }

    @Test
    void anUnreviewedDraftProfileIsRefusedUntilItsDraftLineIsRemoved() throws IOException {
        Path draft = inputs.resolve("draft.yaml");
        Run init = hcert("profile", "init", "--from-recording", recording("conformant"), "--out", draft.toString());
        assertThat(init.exitCode()).as(init.stderr()).isZero();
        assertThat(Files.readString(draft)).contains("\ndraft: true  # ");
        Run refused = certify(draft.toString(), recording("conformant"), "--no-html");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).startsWith("hcert: error: " + draft + ":4: draft: this robot profile is a draft written by "
                + "hcert profile init from a recording: review every value");
        Files.writeString(draft, Files.readString(draft).replaceFirst("draft: true[^\n]*\n", ""));
        Run reviewed = certify(draft.toString(), recording("conformant"), "--no-html");
        assertThat(reviewed.exitCode()).as(reviewed.stderr()).isNotEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aCapabilityTheRecordingShowsButTheRobotDoesNotDeclareKeepsTheRunFromConformant() throws IOException {
        Path robot = inputs.resolve("robot.yaml");
        Files.writeString(robot, Files.readString(Path.of(ROBOT))
                .replace("capabilities: [walking, ", "capabilities: [")
                .replaceAll("  - \\{name: neck_yaw, [^\n]*\n", ""));
        Run run = certify(robot.toString(), recording("conformant"), "--no-html");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.stdout()).contains("SE-BAL-01     NOT_APPLICABLE")
                .contains("contradicted: the telemetry shows the capability walking (the base moves at 0.2 m/s or more for 0.5 s from ")
                .contains("contradicted: the telemetry reports joint neck_yaw, which robot profile " + robot + " does not declare")
                .contains("overall:      INCOMPLETE");
        JsonNode certificate = new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
        assertThat(certificate.get("contradictions")).hasSize(2);
        assertThat(certificate.get("overall").asText()).isEqualTo("INCOMPLETE");
    }

    @Test
    void aRunWithAModifiedFeatureSaysSoInTheCertificate() throws IOException {
        Path features = inputs.resolve("features");
        try (var files = Files.walk(Path.of("../features"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path to = features.resolve(Path.of("../features").relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Path edited = features.resolve("safety-and-ethics/emergency-stop.feature");
        Files.writeString(edited, Files.readString(edited) + "\n# a lab's note\n");
        Files.delete(features.resolve("safety-and-ethics/balance-on-stop.feature"));
        Run run = certify(ROBOT, recording("conformant"), "--no-html", "--features", features.toString());
        assertThat(run.stdout()).contains("feature:      safety-and-ethics/emergency-stop.feature modified (not as bundled with hcert)")
                .contains("feature:      safety-and-ethics/balance-on-stop.feature omitted (not as bundled with hcert)");
        JsonNode changes = new ObjectMapper().readTree(out.resolve("certificate.json").toFile()).get("featureChanges");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("path").asText()).isEqualTo("safety-and-ethics/emergency-stop.feature");
        assertThat(changes.get(0).get("change").asText()).isEqualTo("modified");
        assertThat(changes.get(0).get("sha256").asText()).isNotEqualTo(changes.get(0).get("bundledSha256").asText()).hasSize(64);
        assertThat(changes.get(1).get("change").asText()).isEqualTo("omitted");
    }

    @Test
    void malformedProfileGivesOneLineNamingFileAndLine() throws IOException {
        Path bad = inputs.resolve("robot.yaml");
        Files.writeString(bad, Files.readString(Path.of(ROBOT)).replace("robotClass: full-size-biped", "robotClass: [x"));
        Run run = certify(bad.toString(), recording("conformant"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).isEqualTo("hcert: error: " + bad + ":9: YAML syntax error: expected ',' or ']', "
                + "but got : (while parsing a flow sequence that starts at line 8)\n");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void profileMissingARequiredFieldGivesOneLine() throws IOException {
        Path bad = inputs.resolve("robot.yaml");
        Files.writeString(bad, Files.readString(Path.of(ROBOT)).replace("  firmware: 1.0.0\n", ""));
        Run run = certify(bad.toString(), recording("conformant"));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).isEqualTo("hcert: error: " + bad + ":3: identity: required field \"firmware\" is missing\n");
    }

    @Test
    void brokenRecordingLineIsNamedOnceAndTheRunIsIncomplete() throws IOException {
        List<String> lines = Files.readAllLines(RECORDINGS.resolve("conformant.ndjson"));
        Path bad = inputs.resolve("broken.ndjson");
        Files.write(bad, lines.subList(0, 10));
        Files.writeString(bad, "{\"t\": 1772352000050000000, \"topic\": \n", java.nio.file.StandardOpenOption.APPEND);
        Run run = certify(ROBOT, bad.toString(), "--no-html");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.stderr().lines()).hasSize(1).first().asString()
                .startsWith("hcert: error: " + bad + ":11: not a JSON object: ");
        assertThat(run.stdout()).doesNotContain("PASS").doesNotContain("Exception");
    }

    @Test
    void missingRecordingIsAUsageError() {
        Run run = certify(ROBOT, "nope.ndjson");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).isEqualTo("hcert: error: nope.ndjson: recording not found\n");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = certify(ROBOT, recording("conformant"), "--robto", ROBOT);
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).startsWith("Unknown options: '--robto', '../profiles/robots/hc1-demo.yaml'");
    }

    @Test
    void anOutputThatIsAFileOrCannotBeAFolderIsAUsageError() throws IOException {
        Path file = Files.writeString(inputs.resolve("not-a-folder"), "x");
        for (Path target : List.of(file, file.resolve("sub"))) {
            Run run = hcert("certify", "--robot", ROBOT, "--standard", STANDARD, "--lab", LAB, "--recording", CATALOGUE,
                    "--out", target.toString(), "--no-html");
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.stderr()).contains("--out " + target).doesNotContain("internal error").doesNotContain("Exception");
        }
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
