package org.hcert.telemetry.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LeRobot dataset written with Apache Arrow and the Rust parquet writer (data/lerobot/make-lerobot.mjs). */
class LeRobotSourceTest {

    private static final Path DIR = Path.of("src/test/resources/data/lerobot");
    private static final Path DATASET = DIR.resolve("so100_pick");

    @TempDir
    Path tmp;

    private static List<Message> read(TelemetrySource source) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void everyFrameOfEveryEpisodeIsAMessageWithItsColumnsNested() throws IOException {
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<Message> frames = read(Recordings.open(DATASET));
        int first = want.get("episodes").get(0).get("frames").asInt();
        assertThat(frames).hasSize(first + want.get("episodes").get(1).get("frames").asInt());
        Message m = frames.get(0);
        assertThat(m.topic()).isEqualTo("/so100_pick");
        assertThat(m.type()).isEqualTo(LeRobotSource.TYPE);
        assertThat(m.origin()).endsWith("episode_000000.parquet row 1");
        for (int k = 0; k < 6; k++) {
            assertThat(frames.get(first).body().get("observation").get("state").get(k).floatValue())
                    .isEqualTo(want.get("episodes").get(1).get("firstState").get(k).floatValue());
        }
        assertThat(m.body().get("action")).hasSize(6);
        // frame 1 at its float32 timestamp 0.033333335 s
        assertThat(frames.get(1).logTimeNs()).isEqualTo(33_333_335);
        // the second episode starts one frame period (1/30 s, rounded to the ns) after the first one's last frame
        assertThat(frames.get(first).logTimeNs() - frames.get(first - 1).logTimeNs()).isEqualTo(33_333_333);
        assertThat(frames.get(first).body().get("episode_index").asLong()).isEqualTo(1);
    }

    @Test
    void aBadInfoOrAMissingDataFolderIsNamed() throws IOException {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad.resolve("meta"));
        Files.writeString(bad.resolve("meta/info.json"), "{\"codebase_version\": \"v1.6\", \"fps\": 30}");
        assertThatThrownBy(() -> read(new LeRobotSource(bad))).isInstanceOf(TelemetryFormatException.class)
                .hasMessageContaining("codebase_version \"v1.6\" is not one hcert reads (v2.0, v2.1, v3.0)");
        Files.writeString(bad.resolve("meta/info.json"), "{\"codebase_version\": \"v2.1\", \"fps\": 0}");
        assertThatThrownBy(() -> read(new LeRobotSource(bad))).hasMessageContaining("fps must be a positive number, got 0");
        Files.writeString(bad.resolve("meta/info.json"), "{\"codebase_version\": \"v2.1\", \"fps\": 30}");
        assertThatThrownBy(() -> read(new LeRobotSource(bad))).hasMessageContaining("has no readable data/ folder");
        Files.createDirectories(bad.resolve("data/chunk-000"));
        Files.writeString(bad.resolve("data/chunk-000/episode_000000.parquet"), "PAR1 cut");
        assertThatThrownBy(() -> read(new LeRobotSource(bad))).isInstanceOf(TelemetryFormatException.class)
                .hasMessageContaining("episode_000000.parquet").hasMessageContaining("cannot read the parquet file");
    }
}
