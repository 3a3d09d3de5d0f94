package org.hcert.telemetry.rosbag1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.TestData;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SampleStream;
import org.hcert.telemetry.mapping.SignalMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ROS 1 bags written by the reference writer, read as the reference reader reads them. */
class Ros1BagSourceTest {

    private static final JsonNode EXPECTED = expected();

    private static JsonNode expected() {
        try {
            return new ObjectMapper().readTree(TestData.ros1().resolve("expected.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(TelemetrySource source) {
        List<String> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            while (c.hasNext()) {
                Message m = c.next();
                out.add(m.topic() + " " + m.logTimeNs());
            }
        }
        return out;
    }

    private static List<String> reference(String bag) {
        List<String> out = new ArrayList<>();
        EXPECTED.get(bag).get("messages").forEach(m -> out.add(m.get(0).asText() + " " + m.get(1).asLong()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot-none.bag", "robot-bz2.bag", "robot-lz4.bag"})
    void readsEveryMessageInTheReferenceReadersOrder(String bag) {
        // 494 messages over 4 topics, 4 KB chunks, the odometry written 150 ms late so chunks overlap in time.
        TelemetrySource source = Recordings.open(TestData.ros1().resolve(bag));
        assertThat(read(source)).hasSize(494).containsExactlyElementsOf(reference(bag));
        assertThat(source.warnings()).isEmpty();
    }

    @Test
    void decodesTheBodiesWithTheBagsOwnDefinitions() {
        JsonNode first = EXPECTED.get("robot-lz4.bag").get("firstJointState");
        SignalMapping mapping = SignalMapping.of(java.util.Map.of(Role.JOINTS, List.of("/joint_states"), Role.IMU, List.of("/imu"),
                Role.ODOMETRY, List.of("/odom")));
        List<Sample> samples = new ArrayList<>();
        try (SampleStream s = SampleStream.open(new Ros1BagSource(TestData.ros1().resolve("robot-lz4.bag")), mapping,
                Set.of(Role.JOINTS, Role.IMU, Role.ODOMETRY))) {
            s.forEachRemaining(samples::add);
            assertThat(s.count(Role.JOINTS)).isEqualTo(200);
            assertThat(s.count(Role.IMU)).isEqualTo(200);
            assertThat(s.count(Role.ODOMETRY)).isEqualTo(92);
        }
        JointStateSample j = (JointStateSample) samples.stream().filter(x -> x instanceof JointStateSample).findFirst().orElseThrow();
        assertThat(j.names()).containsExactly("left_hip", "left_knee", "right_hip", "right_knee");
        for (int i = 0; i < 4; i++) {
            assertThat(j.positionRad(i)).isCloseTo(first.get("position").get(i).asDouble(), within(0.0));
            assertThat(j.velocityRadS(i)).isCloseTo(first.get("velocity").get(i).asDouble(), within(0.0));
            assertThat(j.effortNm(i)).isCloseTo(first.get("effort").get(i).asDouble(), within(0.0));
        }
    }

    @Test
    void aBagItsRecorderDidNotCloseIsReadByScanningAndSaysSo() {
        // A copy taken after the writer flushed its last chunk but before it closed the bag: no index. Every
        // message is there, read in the reference reader's order of the closed bag, but the bag is not taken as complete.
        Ros1BagSource source = new Ros1BagSource(TestData.ros1().resolve("robot-unindexed.bag"));
        assertThat(read(source)).containsExactlyElementsOf(reference("robot-none.bag"));
        assertThat(source.warnings()).singleElement().asString().contains("the bag has no index (index_pos is 0");
    }

    @Test
    void aCutBagIsReadToItsLastWholeChunkAndSaysWhereItEnds(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(TestData.ros1().resolve("robot-bz2.bag"));
        Path cut = dir.resolve("cut.bag");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 3 / 5));
        Ros1BagSource source = new Ros1BagSource(cut);
        List<String> got = read(source);
        assertThat(got).isNotEmpty().hasSizeLessThan(494);
        assertThat(reference("robot-bz2.bag")).containsAll(got);
        assertThat(String.join("\n", source.warnings())).contains("lies outside the file").contains("the bag is cut at byte");
    }

    @Test
    void aChunkThatDoesNotDecompressNamesItsPlace(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(TestData.ros1().resolve("robot-bz2.bag"));
        // spoil the first chunk's compressed data, a little after its header
        int chunk = indexOf(bytes, "compression=bz2".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (int i = chunk + 60; i < chunk + 90; i++) {
            bytes[i] ^= 0x5A;
        }
        Path bad = dir.resolve("bad.bag");
        Files.write(bad, bytes);
        assertThatThrownBy(() -> read(new Ros1BagSource(bad))).isInstanceOf(TelemetryException.class)
                .hasMessageContaining(bad + "@").hasMessageContaining("chunk");
    }

    @Test
    void whatIsNotABagSaysSo(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.bag"), "#ROSBAG V1.2\nold");
        assertThatThrownBy(() -> read(new Ros1BagSource(text))).isInstanceOf(TelemetryException.class)
                .hasMessageContaining("format V1.2").hasMessageContaining("rosbag fix");
        Path other = Files.writeString(dir.resolve("other.bag"), "hello");
        assertThatThrownBy(() -> read(new Ros1BagSource(other))).hasMessageContaining("not a ROS 1 bag");
        assertThatThrownBy(() -> read(new Ros1BagSource(dir))).hasMessageContaining("not a regular file");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
