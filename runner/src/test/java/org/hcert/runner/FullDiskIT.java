package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that refuses a write, for real: hcert runs as its own process under a file-size limit
 * ({@code ulimit -f}, with SIGXFSZ ignored so that a write past it fails with "File too large", as
 * on a full disk, a quota or a FAT32 stick). The report is bigger than the limit, so a write fails
 * part-way. hcert must end with exit 2 naming the file and the cause, write no certificate (the
 * certificate is always written last, so a folder without one is no report) and say so.
 */
class FullDiskIT {

    @TempDir
    Path dir;

    @Test
    void aWriteTheDiskRefusesIsExitTwoNamingTheFileAndLeavesNoCertificate() throws Exception {
        Assumptions.assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
        Path out = dir.resolve("report");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        File stderr = dir.resolve("stderr.txt").toFile();
        File stdout = dir.resolve("stdout.txt").toFile();
        // 1 MiB per file: the profiles and the certificate fit, the HTML report's script does not
        Process hcert = new ProcessBuilder("/bin/bash", "-c", "trap '' XFSZ; ulimit -f 1024; exec \"$@\"", "hcert",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath, Main.class.getName(), "certify",
                "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB,
                "--recording", "../samples/recordings/conformant.ndjson", "--out", out.toString())
                .redirectError(stderr).redirectOutput(stdout).start();
        assertThat(hcert.waitFor(180, TimeUnit.SECONDS)).as("hcert ended").isTrue();
        String err = Files.readString(stderr.toPath(), StandardCharsets.UTF_8);
        assertThat(hcert.exitValue()).as(err).isEqualTo(ExitCodes.USAGE);
        assertThat(err).contains("hcert: error: ").contains(out.toString()).contains("File too large").doesNotContain("internal error")
                .doesNotContainPattern("(?m)^\\s+at [\\w$.]+\\(");
        assertThat(err).contains("no certificate was written");
        assertThat(out.resolve("certificate.json")).doesNotExist();
    }
}
