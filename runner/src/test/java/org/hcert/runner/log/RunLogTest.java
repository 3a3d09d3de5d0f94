package org.hcert.runner.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RunLogTest {

    @TempDir
    Path dir;

    @Test
    void writesHcertsLinesAndLibraryWarningsFromSlf4jAndJavaUtilLoggingToTheFile() throws IOException {
        Path file = dir.resolve("out/hcert.log");
        try (RunLog log = RunLog.open(file, false)) {
            LoggerFactory.getLogger("org.hcert.runner.command.CertifyCommand").info("plan: SE-ESTOP-01 applies");
            LoggerFactory.getLogger("org.hcert.runner.command.CertifyCommand").debug("a debug line");
            LoggerFactory.getLogger("io.qameta.allure.AllureLifecycle").warn("Could not add attachment: no test is running");
            java.util.logging.Logger.getLogger("io.cucumber.core.runtime").warning("a warning through java.util.logging");
            assertThat(log.file()).isEqualTo(file);
        }
        LoggerFactory.getLogger("org.hcert.runner.command.CertifyCommand").info("after the run");
        String text = Files.readString(file);
        assertThat(text).containsPattern(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+] o\\.h\\.runner\\.command\\.CertifyCommand - plan: SE-ESTOP-01 applies");
        assertThat(text).contains("WARN  [", "io.qameta.allure.AllureLifecycle - Could not add attachment: no test is running");
        assertThat(text).contains("io.cucumber.core.runtime - a warning through java.util.logging");
        assertThat(text).doesNotContain("a debug line").doesNotContain("after the run");
    }

    @Test
    void verboseAlsoWritesDebugLinesAndReplacesAnOlderLog() throws IOException {
        Path file = dir.resolve("hcert.log");
        Files.writeString(file, "an older run\n");
        try (RunLog log = RunLog.open(file, true)) {
            LoggerFactory.getLogger("org.hcert.adapters.wire.WireLink").debug("frame 17 received in {}", log.file());
        }
        assertThat(Files.readString(file)).doesNotContain("an older run").contains("DEBUG [", "frame 17 received");
    }
}
