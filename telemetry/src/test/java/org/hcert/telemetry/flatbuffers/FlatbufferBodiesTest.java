package org.hcert.telemetry.flatbuffers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.junit.jupiter.api.Test;

/**
 * The flatbuffer MCAP written with the reference compiler flatc and @mcap/core
 * (data/flatbuffers/make-mcap.mjs), decoded as flatc decodes it back (expected.json; flatc prints
 * floats with six significant digits).
 */
class FlatbufferBodiesTest {

    private static final Path DIR = Path.of("src/test/resources/data/flatbuffers");

    @Test
    void everyMessageDecodesAsFlatcDecodesIt() throws IOException {
        JsonNode want = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<Message> messages = new ArrayList<>();
        try (MessageCursor c = Recordings.open(DIR.resolve("lowstate.mcap")).open()) {
            c.forEachRemaining(messages::add);
        }
        assertThat(messages).hasSize(want.get("messages").asInt());
        for (int i = 0; i < 3; i++) {
            JsonNode expected = want.get("first").get(i);
            JsonNode body = messages.get(i).body();
            assertThat(body.get("tick").asLong()).isEqualTo(expected.get("tick").asLong());
            assertThat(body.get("gait").asText()).isEqualTo(expected.get("gait").asText());
            assertThat(body.get("estop").asBoolean()).isEqualTo(expected.get("estop").asBoolean());
            assertThat(body.get("gyro").get("x").asDouble()).isCloseTo(expected.get("gyro").get("x").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(body.get("temperatures")).hasSize(expected.get("temperatures").size());
            for (int k = 0; k < 12; k++) {
                JsonNode motor = body.get("motors").get(k);
                JsonNode wanted = expected.get("motors").get(k);
                assertThat(motor.get("name").asText()).isEqualTo(wanted.get("name").asText());
                assertThat(motor.get("q").asDouble()).isCloseTo(wanted.get("q").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
                // mode 10 is the default: flatc leaves it out of the buffer, and it reads back as 10
                assertThat(motor.get("mode").asInt()).isEqualTo(wanted.get("mode").asInt());
            }
            // battery_v is an optional scalar: absent (flatc: null) on odd ticks, never 0
            if (expected.get("battery_v").isNull()) {
                assertThat(body.has("battery_v")).isFalse();
            } else {
                assertThat(body.get("battery_v").asDouble()).isEqualTo(expected.get("battery_v").asDouble());
            }
        }
        assertThat(messages.get(399).body().get("estop").asBoolean()).isTrue();
    }

    @Test
    void aBodyThatPointsOutsideItselfIsAnError() {
        try (McapReader reader = McapReader.open(DIR.resolve("lowstate.mcap"))) {
            Iterator<McapRecord.Message> it = reader.messages();
            McapRecord.Message m = it.next();
            McapRecord.Schema s = reader.schemas().get(reader.channels().get(m.channelId()).schemaId());
            byte[] data = new byte[s.data().remaining()];
            s.data().duplicate().get(data);
            var schema = FlatbufferBodies.schema(new org.hcert.telemetry.SchemaInfo(s.name(), s.encoding(), data));
            byte[] body = new byte[m.data().remaining()];
            m.data().duplicate().get(body);
            byte[] cut = java.util.Arrays.copyOf(body, body.length / 3);
            assertThatThrownBy(() -> FlatbufferBodies.decode(schema, java.nio.ByteBuffer.wrap(cut))).isInstanceOf(TelemetryException.class)
                    .hasMessageContaining("does not fit its flatbuffer schema acme.robot.LowState");
        }
    }
}
