package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled MCAP demo recording is exactly what {@code hcert telemetry convert} makes of the NDJSON one. */
class BundledMcapSampleIT {

    @TempDir
    Path dir;

    @Test
    void bundledMcapIsTheConversionOfTheBundledNdjson() throws IOException {
        Path converted = dir.resolve("conformant.mcap");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("telemetry", "convert",
                "../samples/recordings/conformant.ndjson", converted.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.mismatch(converted, Path.of("../samples/recordings/conformant.mcap")))
                .as("samples/recordings/conformant.mcap is stale; regenerate it with "
                        + "./hcert telemetry convert samples/recordings/conformant.ndjson samples/recordings/conformant.mcap")
                .isEqualTo(-1L);
    }
}
