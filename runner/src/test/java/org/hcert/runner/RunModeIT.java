package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certification mode and development mode, and the lab's waivers: a certification runs only on
 * signed profiles with the bundled features and every applicable clause, and says so; a
 * development run may select clauses and re-run failures, and says it is not a certification; a
 * waiver is shown everywhere and never changes a verdict.
 */
class RunModeIT {

    private static final String SLOW = "../samples/recordings/slow-estop.ndjson";

    @TempDir
    Path dir;

    private Path robot;
    private Path standard;
    private Path lab;

    @BeforeEach
    void copies() throws Exception {
        robot = Files.copy(Path.of(CertifyCommandIT.ROBOT), dir.resolve("robot.yaml"));
        standard = Files.copy(Path.of(CertifyCommandIT.STANDARD), dir.resolve("standard.yaml"));
        lab = Files.writeString(dir.resolve("lab.yaml"), Files.readString(Path.of(CertifyCommandIT.LAB)) + """
                waivers:
                  - clause: SE-ESTOP-01
                    kind: waiver
                    reason: stop time under review with the notified body after the brake change
                    approver: Head of lab, A. Example
                    reference: LAB-2026-017
                  - clause: LC-JNT-01
                    kind: deviation
                    reason: soft limits checked on the bench instead
                    approver: A. Example
                    reference: LAB-2026-018
                    expires: 2026-01-31
                """);
    }

    private CertifyCommandIT.Run certify(Path out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("certify", "--robot", robot.toString(), "--standard",
                standard.toString(), "--lab", lab.toString(), "--recording", SLOW, "--out", out.toString(), "--no-html"));
        args.addAll(java.util.List.of(more));
        return CertifyCommandIT.hcert(args.toArray(String[]::new));
    }

    private static JsonNode certificate(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("certificate.json").toFile());
    }

    private static Map<String, String> verdicts(JsonNode c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.path("clauses").forEach(n -> out.put(n.path("id").asText(), n.path("verdict").asText()));
        return out;
    }

    @Test
    void aCertificationRunsOnlyOnProfilesSignedWithTheLabsKeyAndSaysSo() throws Exception {
        assertThat(CertifyCommandIT.hcert("keys", "generate", "--out", dir.resolve("lab-key").toString()).exitCode()).isZero();
        Path key = dir.resolve("lab-key.key.pem");
        Path pub = dir.resolve("lab-key.pub.pem");

        CertifyCommandIT.Run unsigned = certify(dir.resolve("a"), "--mode", "certification", "--profile-key", pub.toString());
        assertThat(unsigned.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unsigned.stderr()).contains(robot + " is not signed (no robot.yaml.sig)");
        assertThat(dir.resolve("a")).doesNotExist();

        CertifyCommandIT.Run signed = CertifyCommandIT.hcert("keys", "sign", robot.toString(), standard.toString(), lab.toString(),
                "--key", key.toString());
        assertThat(signed.exitCode()).as(signed.stderr()).isZero();
        assertThat(certify(dir.resolve("b"), "--mode", "certification").stderr()).contains("--mode certification needs --profile-key");

        CertifyCommandIT.Run run = certify(dir.resolve("c"), "--mode", "certification", "--profile-key", pub.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        JsonNode c = certificate(dir.resolve("c"));
        assertThat(c.at("/run/mode").asText()).isEqualTo("certification");
        assertThat(c.at("/run/profileKey").asText()).startsWith("sha256:");
        assertThat(c.at("/run/statement").asText()).startsWith("Certification run:").contains("no retries");

        // a profile changed after it was signed is refused, naming it
        Files.writeString(robot, Files.readString(robot) + "# one comment added after signing\n");
        CertifyCommandIT.Run changed = certify(dir.resolve("d"), "--mode", "certification", "--profile-key", pub.toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(changed.stderr()).contains(robot + ": the signature in robot.yaml.sig is not valid for this file");

        // what would make it less than a certification is refused
        CertifyCommandIT.Run selecting = certify(dir.resolve("e"), "--mode", "certification", "--profile-key", pub.toString(),
                "--clauses", "SE-ESTOP-01", "--features", dir.toString());
        assertThat(selecting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(selecting.stderr()).contains("--mode certification refuses --clauses", "--features " + dir);
        assertThat(certify(dir.resolve("f"), "--mode", "exam").stderr()).contains("--mode exam: give certification or development");
    }

    @Test
    void aDevelopmentRunSaysItIsNoCertificationSelectsClausesAndRerunsWhatFailed() throws Exception {
        Path first = dir.resolve("first");
        assertThat(certify(first).exitCode()).isEqualTo(ExitCodes.NON_CONFORMANT);
        JsonNode all = certificate(first);
        assertThat(all.at("/run/mode").asText()).isEqualTo("development");
        assertThat(all.at("/run/statement").asText()).contains("NOT a certification");
        assertThat(all.at("/run/selectedClauses").isMissingNode()).isTrue();

        Path some = dir.resolve("some");
        CertifyCommandIT.Run selected = certify(some, "--clauses", "SE-ESTOP-01,LC-JNT-01");
        assertThat(selected.exitCode()).isEqualTo(ExitCodes.NON_CONFORMANT);
        Map<String, String> v = verdicts(certificate(some));
        assertThat(v).containsEntry("SE-ESTOP-01", "FAIL").containsEntry("LC-JNT-01", "PASS").containsEntry("SE-BAL-01", "INCONCLUSIVE");
        assertThat(certificate(some).at("/clauses/3/reason").asText()).startsWith("not run: this development run selected only");
        assertThat(selected.stdout()).contains("Only LC-JNT-01, SE-ESTOP-01 ran");

        // a passing selection is INCOMPLETE, never CONFORMANT: the rest was not checked
        CertifyCommandIT.Run passing = certify(dir.resolve("passing"), "--clauses", "LC-JNT-01");
        assertThat(passing.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);

        Path rerun = dir.resolve("rerun");
        CertifyCommandIT.Run again = certify(rerun, "--rerun-failed", first.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.NON_CONFORMANT);
        JsonNode r = certificate(rerun);
        java.util.List<String> notPassed = new java.util.ArrayList<>();
        verdicts(all).forEach((id, verdict) -> {
            if (verdict.equals("FAIL") || verdict.equals("INCONCLUSIVE")) {
                notPassed.add(id);
            }
        });
        java.util.List<String> selectedNow = new java.util.ArrayList<>();
        r.at("/run/selectedClauses").forEach(n -> selectedNow.add(n.asText()));
        assertThat(selectedNow).containsExactlyInAnyOrderElementsOf(notPassed).contains("SE-ESTOP-01");

        CertifyCommandIT.Run typo = certify(dir.resolve("typo"), "--clauses", "SE-ESTOP-1");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.stderr()).contains("--clauses SE-ESTOP-1: not a clause of standard profile", "did you mean SE-ESTOP-01?");
    }

    @Test
    void aWaiverIsShownOnTheCertificateTheConsoleAndThePrintNeverChangingAVerdict() throws Exception {
        Path out = dir.resolve("waived");
        CertifyCommandIT.Run run = certify(out);
        assertThat(run.exitCode()).as("the waived FAIL still fails the robot").isEqualTo(ExitCodes.NON_CONFORMANT);
        JsonNode c = certificate(out);
        assertThat(verdicts(c)).containsEntry("SE-ESTOP-01", "FAIL");
        assertThat(c.path("overall").asText()).isEqualTo("NON_CONFORMANT");
        assertThat(c.at("/waivers/0/clause").asText()).isEqualTo("SE-ESTOP-01");
        assertThat(c.at("/waivers/0/verdict").asText()).isEqualTo("FAIL");
        assertThat(c.at("/waivers/0/status").asText()).isEqualTo("recorded beside the verdict, which stands (FAIL)");
        assertThat(c.at("/waivers/1/status").asText()).startsWith("expired on 2026-01-31");
        assertThat(run.stdout()).contains("waiver:       SE-ESTOP-01 (LAB-2026-017, approved by Head of lab, A. Example)");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("certificate.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Development test report: NOT a certification", "Waiver for SE-ESTOP-01 (LAB-2026-017",
                    "Verdict FAIL", "[WAIVER LAB-2026-017: the verdict stands]");
        }
    }

    @Test
    void aWaiverForAClauseTheStandardLacksOrAnImpossibleDateIsAProfileError() throws Exception {
        Files.writeString(lab, Files.readString(lab).replace("clause: LC-JNT-01", "clause: LC-JNT-99"));
        CertifyCommandIT.Run unknown = certify(dir.resolve("x"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.stderr()).contains(lab + ":").contains("LC-JNT-99 is not a clause of standard profile");
        Files.writeString(lab, Files.readString(lab).replace("clause: LC-JNT-99", "clause: LC-JNT-01").replace("2026-01-31", "2026-13-45"));
        CertifyCommandIT.Run date = certify(dir.resolve("y"));
        assertThat(date.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(date.stderr()).contains("2026-13-45 is not a date of the calendar");
    }

    @Test
    void historyIsCarriedFromRunToRunOfOneRobotOnly() throws Exception {
        Path first = dir.resolve("h1");
        certify(first);
        Path second = dir.resolve("h2");
        CertifyCommandIT.Run run = certify(second, "--history", first.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        JsonNode trend = new ObjectMapper().readTree(second.resolve("history/history-trend.json").toFile());
        assertThat(trend).hasSize(2);
        assertThat(trend.get(0).path("buildOrder").asLong()).isEqualTo(2);
        assertThat(trend.get(1).path("buildOrder").asLong()).isEqualTo(1);
        JsonNode perTest = new ObjectMapper().readTree(second.resolve("history/history.json").toFile());
        perTest.forEach(h -> assertThat(h.path("items")).hasSize(2));

        Files.writeString(robot, Files.readString(robot).replace("HC1-DEMO-0001", "HC1-DEMO-0002"));
        CertifyCommandIT.Run other = certify(dir.resolve("h3"), "--history", first.toString());
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.stderr()).contains("serial HC1-DEMO-0001; this run certifies", "serial HC1-DEMO-0002",
                "history is carried only between runs of one robot");
        assertThat(dir.resolve("h3")).doesNotExist();
    }
}
