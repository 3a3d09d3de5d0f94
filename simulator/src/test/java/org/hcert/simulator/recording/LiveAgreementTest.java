package org.hcert.simulator.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.hcert.simulator.SimulatorConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bundled recording is what the served simulator does: HC-1 exactly as {@code hcert simulate}
 * builds it (1 kHz telemetry), or with its telemetry switched off, run through the same script,
 * has the truth of the bundled recording to the last digit. The telemetry rates change only what
 * is sampled, never the physics.
 */
class LiveAgreementTest {

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"CONFORMANT", "FALL"})
    void theServedModelRunThroughTheScriptHasTheTruthOfTheBundledRecording(Variant variant) throws IOException {
        String bundled = Files.readString(Recorded.BUNDLE.resolve(variant.fileName() + ".truth.json"));

        RecordingTruth served = ScriptedRun.run(SimulatorConfig.hc1(), variant, m -> { });
        RecordingTruth physicsOnly = ScriptedRun.run(SimulatorConfig.hc1().withTelemetry(false), variant, m -> { });

        assertThat(served.toJson()).isEqualTo(bundled);
        assertThat(physicsOnly.toJson()).isEqualTo(bundled);
    }
}
