package org.hcert.simulator.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledRecordingsTest {

    private static final String REGENERATE = "mvn -q -pl simulator -am process-classes -Pregenerate-samples";

    @Test
    void bundledRecordingsAreByteIdenticalToTheGenerator(@TempDir Path dir) throws IOException {
        BundledRecordings.main(new String[] {dir.toString()});
        for (String name : BundledRecordings.names()) {
            for (String file : List.of(name + ".ndjson", name + ".truth.json")) {
                long mismatch = Files.mismatch(dir.resolve(file), Recorded.BUNDLE.resolve(file));
                assertThat(mismatch)
                        .as("samples/recordings/%s differs from the generator at byte %d; if the change is intended, "
                                + "regenerate the bundle with: %s", file, mismatch, REGENERATE)
                        .isEqualTo(-1L);
            }
        }
        long mismatch = Files.mismatch(dir.resolve(BundledRecordings.CATALOGUE), Recorded.BUNDLE.resolve(BundledRecordings.CATALOGUE));
        assertThat(mismatch).as("samples/recordings/%s differs from the generator at byte %d; if the change is intended, "
                + "regenerate the bundle with: %s", BundledRecordings.CATALOGUE, mismatch, REGENERATE).isEqualTo(-1L);
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
        assertThat(BundledRecordings.names())
                .containsExactly("conformant", "slow-estop", "joint-overrun", "fall", "missing-safety-topic");
    }

    @Test
    void rejectsAnUnknownRecordingName(@TempDir Path dir) {
        assertThatThrownBy(() -> BundledRecordings.write("walk", dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        no bundled recording named "walk"; expected one of \
                        [conformant, slow-estop, joint-overrun, fall, missing-safety-topic]""");
        assertThat(dir).isEmptyDirectory();
    }
}
