package org.hcert.adapters.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hcert.adapters.ForkedHarness;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kill a recording harness (SIGKILL) mid-session and read its file back. */
class SessionRecorderKillIT {

    @TempDir
    Path tmp;

    @Test
    void aKilledRecordingIsReadableUpToItsLastClosedChunk() throws Exception {
        Path file = tmp.resolve("session.mcap");
        int published = 0;
        try (LoopbackRobot peer = new LoopbackRobot(EchoRobot.Config.defaults())) {
            Process harness = ForkedHarness.start("record", peer.uri(), file.toString());
            EchoRobot robot = peer.robot();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
            while (System.nanoTime() < end) {
                ObjectNode msg = JsonNodeFactory.instance.objectNode();
                msg.putArray("name").add("left_knee");
                msg.putArray("position").add(published++);
                robot.publish("/joint_states", "sensor_msgs/msg/JointState", msg);
                Thread.sleep(1);
            }
            harness.destroyForcibly();
            assertThat(harness.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.size(file)).isPositive();
        List<Integer> positions = new ArrayList<>();
        try (McapReader reader = McapReader.openRecovering(file)) {
            Map<Integer, McapRecord.Channel> channels = reader.channels();
            for (Iterator<McapRecord> it = reader.records(); it.hasNext(); ) {
                if (it.next() instanceof McapRecord.Message m && channels.get(m.channelId()).topic().equals("/joint_states")) {
                    ByteBuffer d = m.data().duplicate();
                    byte[] bytes = new byte[d.remaining()];
                    d.get(bytes);
                    positions.add(new ObjectMapper().readTree(bytes).path("position").path(0).asInt());
                }
            }
            assertThat(reader.recovered()).isTrue();
            assertThat(reader.warnings()).isNotEmpty();
        }
        assertThat(positions).as("recovered %d of %d published", positions.size(), published).hasSizeGreaterThan(published / 3);
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("message %d", i).isEqualTo(i);
        }
    }
}
