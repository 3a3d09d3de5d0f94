package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hcert certify} gives the same verdicts and measured values, to the last printed digit, on
 * every bundled recording whether it is read as NDJSON, as MCAP (CDR bodies; zstd, lz4 or
 * uncompressed chunks) or as CSV converted from it.
 */
class FormatParityIT {

    /** The conversions each recording is certified in, as {@code name, hcert telemetry convert options}. */
    private static final List<List<String>> FORMATS = List.of(
            List.of("zstd.mcap", "--compression", "zstd", "--encoding", "cdr"),
            List.of("lz4.mcap", "--compression", "lz4", "--encoding", "cdr"),
            List.of("none.mcap", "--compression", "none", "--encoding", "cdr"),
            List.of("rec.csv"));

    @TempDir
    Path dir;

    static Stream<String> recordings() {
        return Stream.of("conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic");
    }

    @ParameterizedTest
    @MethodSource("recordings")
    void certifiesTheSameInEveryFormat(String name) {
        Path ndjson = CertifyCommandIT.RECORDINGS.resolve(name + ".ndjson");
        CertifyCommandIT.Run expected = certify(ndjson, dir.resolve("out-ndjson"));
        assertThat(expected.stdout()).contains("overall:");
        for (List<String> format : FORMATS) {
            Path converted = dir.resolve(name + "-" + format.get(0));
            List<String> args = new java.util.ArrayList<>(List.of("telemetry", "convert", ndjson.toString(), converted.toString()));
            args.addAll(format.subList(1, format.size()));
            CertifyCommandIT.Run conversion = CertifyCommandIT.hcert(args.toArray(String[]::new));
            assertThat(conversion.exitCode()).as(conversion.stderr()).isEqualTo(ExitCodes.OK);
            CertifyCommandIT.Run actual = certify(converted, dir.resolve("out-" + format.get(0)));
            assertThat(actual.exitCode()).as(format.get(0)).isEqualTo(expected.exitCode());
            assertThat(normalised(actual.stdout(), converted)).as(format.get(0)).isEqualTo(normalised(expected.stdout(), ndjson));
            assertThat(normalised(actual.stderr(), converted)).as(format.get(0)).isEqualTo(normalised(expected.stderr(), ndjson));
        }
    }

    private static CertifyCommandIT.Run certify(Path recording, Path out) {
        return CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", recording.toString(), "--out", out.toString(), "--no-html");
    }

    /** The console output without what must differ: the recording's name and the output folder (the certificate, print and manifest lines). */
    private static String normalised(String text, Path recording) {
        return text.replace(recording.toString(), "RECORDING").lines()
                .filter(l -> !l.startsWith("certificate:") && !l.startsWith("manifest:") && !l.startsWith("printable:"))
                .reduce("", (a, b) -> a + b + "\n");
    }
}
