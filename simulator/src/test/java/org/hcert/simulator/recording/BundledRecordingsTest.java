package org.hcert.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRecordingsTest {

    private static final String REGENERATE = "mvn -q -pl simulator -am process-classes -Pregenerate-samples";

    @Test
    void bundledRecordingsAreByteIdenticalToTheGenerator(@TempDir Path dir) throws IOException {
        DemoRecordings.main(new String[] {dir.toString()});
        for (String name : DemoRecordings.names()) {
            for (String file : List.of(name + ".ndjson", name + ".truth.json")) {
                long mismatch = Files.mismatch(dir.resolve(file), Recorded.BUNDLE.resolve(file));
                assertThat(mismatch)
                        .as("samples/recordings/%s differs from the generator at byte %d; if the change is intended, "
                                + "regenerate the bundle with: %s", file, mismatch, REGENERATE)
                        .isEqualTo(-1L);
            }
        }
    }

    @Test
    void missingSafetyTopicIsConformantWithoutSafetyState() throws IOException {
        List<String> conformant = Files.readAllLines(Recorded.BUNDLE.resolve("conformant.ndjson"));
        List<String> missing = Files.readAllLines(Recorded.BUNDLE.resolve("missing-safety-topic.ndjson"));

        assertThat(missing).noneMatch(l -> l.contains("\"topic\":\"/safety/state\""))
                .isEqualTo(conformant.stream().filter(l -> !l.contains("\"topic\":\"/safety/state\"")).toList());
    }

    @Test
    void namesTheFiveRecordingsInOrder() {
        assertThat(DemoRecordings.names())
                .containsExactly("conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic");
    }

    @Test
    void rejectsAnUnknownRecordingName(@TempDir Path dir) {
        assertThatThrownBy(() -> DemoRecordings.write("walk", dir.resolve("walk.ndjson")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        no demo recording named "walk"; expected one of \
                        [conformant, slow-estop, joint-overrun, fall, missing-safety-topic]""");
    }
}
