package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run owns its {@code --out} folder, and the folder can be checked offline: another run's outputs
 * are replaced only with {@code --force} and never left beside new ones, a folder holding other
 * files is refused, a run that stops early leaves no certificate, and {@code hcert verify} passes an
 * untouched signed report and names each changed, missing or added file of a touched one.
 */
class ReportFolderIT {

    private static final String RECORDING = CertifyCommandIT.RECORDINGS.resolve("slow-estop.ndjson").toString();

    @TempDir
    Path dir;

    private static CertifyCommandIT.Run certify(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", RECORDING, "--out", out.toString()));
        args.addAll(List.of(more));
        return CertifyCommandIT.hcert(args.toArray(String[]::new));
    }

    @Test
    void anotherRunsOutputsAreReplacedOnlyWhenToldAndNeverLeftBeside() throws Exception {
        Path out = dir.resolve("out");
        CertifyCommandIT.Run first = certify(out);
        assertThat(first.exitCode()).as(first.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        assertThat(out.resolve("report/index.html")).exists();
        CertifyCommandIT.Run refused = certify(out, "--no-html");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.stderr()).contains("--out " + out + " holds another run's outputs (allure-results, certificate.json, certificate.pdf, "
                + "hcert.log, history, manifest.json, report); give --force");
        CertifyCommandIT.Run forced = certify(out, "--no-html", "--force");
        assertThat(forced.exitCode()).as(forced.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        // the old HTML report is gone: --no-html leaves no report at all beside the new certificate
        assertThat(out.resolve("report")).doesNotExist();
        assertThat(out.resolve("certificate.json")).exists();
        assertThat(out.resolve("certificate.pdf")).exists();
    }

    @Test
    void aFolderHoldingOtherFilesOrAFileIsRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "a lab's own notes");
        CertifyCommandIT.Run run = certify(out, "--force");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.stderr()).contains("holds files hcert does not write (notes.txt)");
        assertThat(out.resolve("notes.txt")).exists();
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(certify(file).stderr()).contains("--out " + file + ": a file, not a folder");
    }

    @Test
    void anInputErrorLeavesTheFolderAsItWasAndARunThatStopsEarlyLeavesNoCertificate() throws Exception {
        Path out = dir.resolve("early");
        certify(out, "--no-html");
        String previous = Files.readString(out.resolve("certificate.json"));
        // a profile error is found before the folder is touched, even with --force: the last report stays whole
        Path bad = Files.writeString(dir.resolve("robot.yaml"), Files.readString(Path.of(CertifyCommandIT.ROBOT))
                .replace("robotClass: full-size-biped", "robotClass: Full Size"));
        CertifyCommandIT.Run typo = CertifyCommandIT.hcert("certify", "--robot", bad.toString(), "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", RECORDING, "--out", out.toString(), "--force");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.stderr()).startsWith("hcert: error: " + bad + ":").doesNotContain("no certificate was written");
        assertThat(Files.readString(out.resolve("certificate.json"))).isEqualTo(previous);
        // a run that stops after it took the folder: the previous outputs are gone and no certificate is written
        CertifyCommandIT.Run stopped = certify(out, "--force", "--features", dir.resolve("no-such-features").toString());
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stopped.stderr()).contains("no certificate was written; " + out + " holds what this run wrote until it stopped");
        assertThat(out.resolve("certificate.json")).doesNotExist();
        assertThat(out.resolve("certificate.pdf")).as("no printable certificate either").doesNotExist();
        assertThat(out.resolve("hcert.log")).exists();
    }

    @Test
    void aSignedReportVerifiesOfflineAndATouchedOneNamesEveryChange() throws Exception {
        CertifyCommandIT.Run keys = CertifyCommandIT.hcert("keys", "generate", "--out", dir.resolve("lab").toString());
        assertThat(keys.exitCode()).as(keys.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(CertifyCommandIT.hcert("keys", "generate", "--out", dir.resolve("lab").toString()).stderr())
                .contains("exists; hcert never overwrites a key");
        Path out = dir.resolve("signed");
        CertifyCommandIT.Run run = certify(out, "--no-html", "--signing-key", dir.resolve("lab.key.pem").toString());
        assertThat(run.stdout()).contains("manifest:    " + out.resolve("manifest.json") + " (signed by sha256:");
        String publicKey = dir.resolve("lab.pub.pem").toString();
        CertifyCommandIT.Run intact = CertifyCommandIT.hcert("verify", out.toString(), "--public-key", publicKey);
        assertThat(intact.exitCode()).as(intact.stdout() + intact.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(intact.stdout()).contains("signature:  signature valid, by the key sha256:", "0 changed, 0 missing, 0 added",
                "VERIFIED: the report is whole and unaltered");

        // another lab's key does not verify it
        CertifyCommandIT.hcert("keys", "generate", "--out", dir.resolve("other").toString());
        CertifyCommandIT.Run otherKey = CertifyCommandIT.hcert("verify", out.toString(), "--public-key", dir.resolve("other.pub.pem").toString());
        assertThat(otherKey.exitCode()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(otherKey.stdout()).contains("signature INVALID for the key");

        // one byte changed, one file removed, one added: each named
        Path certificate = out.resolve("certificate.json");
        Files.writeString(certificate, Files.readString(certificate).replaceFirst("\"FAIL\"", "\"PASS\""));
        Files.delete(out.resolve("hcert.log"));
        Files.writeString(out.resolve("allure-results/extra-result.json"), "{}");
        byte[] pdf = Files.readAllBytes(out.resolve("certificate.pdf"));
        pdf[pdf.length / 2] ^= 0x01;
        Files.write(out.resolve("certificate.pdf"), pdf);
        CertifyCommandIT.Run touched = CertifyCommandIT.hcert("verify", out.toString(), "--public-key", publicKey);
        assertThat(touched.exitCode()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(touched.stdout()).contains("changed: certificate.json", "changed: certificate.pdf", "missing: hcert.log", "added: allure-results/extra-result.json",
                "NOT VERIFIED");

        // an unsigned report does not verify: its hashes prove nothing against a deliberate change
        Path unsigned = dir.resolve("unsigned");
        certify(unsigned, "--no-html");
        CertifyCommandIT.Run noSignature = CertifyCommandIT.hcert("verify", unsigned.toString(), "--public-key", publicKey);
        assertThat(noSignature.exitCode()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(noSignature.stdout()).contains("the manifest is not signed");
    }

    @Test
    void aReportReplaysToItsOwnVerdictsAndValuesAndADiffNamesWhatRegressed() throws Exception {
        Path slow = dir.resolve("slow");
        certify(slow, "--no-html");
        CertifyCommandIT.Run replay = CertifyCommandIT.hcert("replay", slow.toString(), "--out", dir.resolve("replayed").toString());
        assertThat(replay.exitCode()).as(replay.stdout() + replay.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(replay.stdout()).contains("30 clause(s) the same, 0 regressed, 0 fixed, 0 value(s) moved",
                "REPRODUCED: the same verdicts and values");

        Path good = dir.resolve("good");
        CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD, "--lab",
                CertifyCommandIT.LAB, "--recording", CertifyCommandIT.RECORDINGS.resolve("conformant.ndjson").toString(), "--out",
                good.toString(), "--no-html");
        CertifyCommandIT.Run worse = CertifyCommandIT.hcert("diff", good.toString(), slow.toString(), "--tolerance", "1%");
        assertThat(worse.exitCode()).isEqualTo(ExitCodes.NON_CONFORMANT);
        assertThat(worse.stdout()).contains("regressed  SE-ESTOP-01  PASS -> FAIL", "value      SE-ESTOP-01  stop time: ");
        CertifyCommandIT.Run better = CertifyCommandIT.hcert("diff", slow.resolve("certificate.json").toString(), good.toString(), "--json");
        assertThat(better.exitCode()).isEqualTo(ExitCodes.OK);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(better.stdout());
        assertThat(json.path("fixed").get(0).path("clause").asText()).isEqualTo("SE-ESTOP-01");
        assertThat(json.path("regressed")).isEmpty();

        // an input that changed since the report cannot be replayed as if it were the same
        Path recording = Files.copy(Path.of(RECORDING), dir.resolve("copy.ndjson"));
        Path fromCopy = dir.resolve("from-copy");
        CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD, "--lab",
                CertifyCommandIT.LAB, "--recording", recording.toString(), "--out", fromCopy.toString(), "--no-html");
        Files.writeString(recording, Files.readString(recording).replaceFirst("0\\.", "1."));
        CertifyCommandIT.Run changed = CertifyCommandIT.hcert("replay", fromCopy.toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(changed.stderr()).contains(recording + " differs from the recording the report was made from");
    }
}
