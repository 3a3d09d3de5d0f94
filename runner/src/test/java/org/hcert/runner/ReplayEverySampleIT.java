package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hcert replay} reproduces every verdict and value of the report of every bundled sample recording. */
class ReplayEverySampleIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"catalogue.mcap", "conformant.mcap", "conformant.ndjson", "fall.ndjson", "joint-overrun.ndjson",
        "missing-safety-topic.ndjson", "slow-estop.ndjson"})
    void replayReproducesTheReport(String sample) {
        Path out = dir.resolve("report");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/" + sample,
                "--out", out.toString(), "--no-html");
        assertThat(run.exitCode()).as(run.stderr()).isIn(ExitCodes.CONFORMANT, ExitCodes.NON_CONFORMANT, ExitCodes.INCOMPLETE);
        CertifyCommandIT.Run replay = CertifyCommandIT.hcert("replay", out.toString(), "--out", dir.resolve("replayed").toString());
        assertThat(replay.exitCode()).as(replay.stdout() + replay.stderr()).isEqualTo(ExitCodes.OK);
        assertThat(replay.stdout()).contains("REPRODUCED", "0 regressed, 0 fixed, 0 value(s) moved");
    }
}
