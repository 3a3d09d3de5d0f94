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
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TimeBase;
import org.hcert.telemetry.ros.RosDefinitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HDF5 episode files written by h5py (data/hdf5/make-hdf5.py), read as h5py reads them (expected.json). */
class Hdf5SourceTest {

    private static final Path DIR = Path.of("src/test/resources/data/hdf5");
    private static final Path ALOHA = DIR.resolve("aloha_episode_0.hdf5");
    private static final Path ROBOMIMIC = DIR.resolve("robomimic_low_dim.hdf5");

    @TempDir
    Path tmp;

    private static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
    }

    private static List<Message> read(TelemetrySource source) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void anAlohaEpisodeIsOneMessagePerFrameAtItsRateWithEveryNumericDataset() throws IOException {
        JsonNode want = expected().get("aloha_episode_0.hdf5");
        List<Message> frames = read(Recordings.open(ALOHA, RosDefinitions.none(), TimeBase.parse("50Hz")));
        assertThat(frames).hasSize(want.get("frames").asInt());
        Message first = frames.get(0);
        assertThat(first.topic()).isEqualTo("/aloha_episode_0");
        assertThat(first.type()).isEqualTo(Hdf5Source.TYPE);
        assertThat(first.logTimeNs()).isZero();
        assertThat(frames.get(1).logTimeNs()).isEqualTo(20_000_000);
        assertThat(frames.get(99).logTimeNs()).isEqualTo(1_980_000_000);
        for (int k = 0; k < 14; k++) {
            assertThat(first.body().get("observations").get("qpos").get(k).doubleValue()).isEqualTo(want.get("qpos0").get(k).doubleValue());
            // float32 effort, as h5py reads it
            assertThat(first.body().get("observations").get("effort").get(k).floatValue()).isEqualTo(want.get("effort0").get(k).floatValue());
            // the gzip-compressed, chunked qvel
            assertThat(frames.get(99).body().get("observations").get("qvel").get(k).doubleValue())
                    .isEqualTo(want.get("qvel_last").get(k).doubleValue());
        }
        assertThat(first.body().get("action")).hasSize(14);
        // images are not read
        assertThat(first.body().get("observations").has("images")).isFalse();
        assertThat(first.body().get("_frame").asInt()).isZero();
    }

    @Test
    void robomimicDemosAreEpisodesLaidEndToEnd() throws IOException {
        JsonNode want = expected().get("robomimic_low_dim.hdf5");
        List<Message> frames = read(new Hdf5Source(ROBOMIMIC, TimeBase.parse("20Hz")));
        assertThat(frames).hasSize(want.get("total").asInt());
        int first = want.get("demo_0").get("frames").asInt();
        assertThat(frames.get(0).body().get("_episode").asText()).isEqualTo("/data/demo_0");
        assertThat(frames.get(first).body().get("_episode").asText()).isEqualTo("/data/demo_1");
        // demo_1 restarts at 0 in its own time; it follows demo_0 by one frame period
        assertThat(frames.get(first).logTimeNs() - frames.get(first - 1).logTimeNs()).isEqualTo(50_000_000);
        for (int k = 0; k < 7; k++) {
            assertThat(frames.get(first).body().get("obs").get("robot0_joint_pos").get(k).doubleValue())
                    .isEqualTo(want.get("demo_1").get("pos0").get(k).doubleValue());
        }
        assertThat(frames.get(first - 1).body().get("dones").asLong()).isEqualTo(1);
        assertThat(frames.get(first - 1).body().get("rewards").asDouble()).isEqualTo(1.0);
    }

    @Test
    void withoutATimeBaseOrWithACorruptFileTheErrorSaysWhat() throws IOException {
        assertThatThrownBy(() -> read(new Hdf5Source(ALOHA, null))).isInstanceOf(TelemetryException.class)
                .hasMessageContaining("has no time of its own").hasMessageContaining("--time-from 50Hz");
        assertThatThrownBy(() -> read(new Hdf5Source(ALOHA, TimeBase.parse("timestamp:s"))))
                .hasMessageContaining("there is no dataset timestamp of one time per frame; its datasets are action, ");
        Path cut = tmp.resolve("cut.hdf5");
        byte[] bytes = Files.readAllBytes(ALOHA);
        Files.write(cut, java.util.Arrays.copyOf(bytes, 2000));
        assertThatThrownBy(() -> read(new Hdf5Source(cut, TimeBase.parse("50Hz")))).isInstanceOf(TelemetryFormatException.class)
                .hasMessageStartingWith(cut.toString());
        Path text = Files.writeString(tmp.resolve("text.h5"), "not hdf5");
        assertThatThrownBy(() -> read(new Hdf5Source(text, TimeBase.parse("50Hz")))).isInstanceOf(TelemetryFormatException.class)
                .hasMessageContaining("not a readable HDF5 file");
    }
}
