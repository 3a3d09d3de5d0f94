package org.hcert.telemetry.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.junit.jupiter.api.Test;

/**
 * An MCAP with a protobuf channel written by the reference MCAP writer with a protobufjs
 * FileDescriptorSet ({@code data/protobuf/make-mcap.mjs}), decoded as protobufjs decodes it.
 */
class ProtobufBodiesTest {

    private static final Path DIR = Path.of("src/test/resources/data/protobuf");

    /** Numbers compare by value (0 and 0.0 are the same number), everything else as Jackson does. */
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? Double.compare(a.doubleValue(), b.doubleValue()) : a.equals(b) ? 0 : 1;

    @Test
    void decodesEveryMessageAsTheReferenceDecoderDoesLeavingUnsetOptionalFieldsOut() throws IOException {
        List<Message> messages = new ArrayList<>();
        try (MessageCursor c = Recordings.open(DIR.resolve("lowstate.mcap")).open()) {
            c.forEachRemaining(messages::add);
        }
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        assertThat(messages).hasSize(expected.get("messages").asInt());
        for (int i = 0; i < expected.get("first").size(); i++) {
            JsonNode body = messages.get(i).body();
            assertThat(body.equals(BY_VALUE, expected.get("first").get(i))).as("message %d: %s", i, body).isTrue();
        }
        // battery_v is a proto3 optional, set on even ticks only: absent, not 0
        assertThat(messages.get(1).body().has("battery_v")).isFalse();
        assertThat(messages.get(2).body().get("battery_v").asDouble()).isEqualTo(24.498);
        assertThat(messages.get(150).body().get("gait").asText()).isEqualTo("WALK");
        assertThat(messages.get(0).type()).isEqualTo("acme.robot.LowState");
    }

    @Test
    void aSchemaThatIsNotAFileDescriptorSetOrLacksTheTypeIsNamed() {
        SchemaInfo junk = new SchemaInfo("acme.robot.LowState", "protobuf", new byte[] {(byte) 0xff, 0x01});
        assertThatThrownBy(() -> ProtobufBodies.descriptor(junk)).isInstanceOf(TelemetryException.class)
                .hasMessageContaining("acme.robot.LowState (protobuf): the schema is not a FileDescriptorSet");
        SchemaInfo empty = new SchemaInfo("acme.robot.Missing", "protobuf", new byte[0]);
        assertThatThrownBy(() -> ProtobufBodies.descriptor(empty)).hasMessageContaining("defines no message of that name");
        assertThatThrownBy(() -> ProtobufBodies.decode(com.google.protobuf.DescriptorProtos.FileDescriptorProto.getDescriptor(),
                ByteBuffer.wrap(new byte[] {0x0a, 0x7f}))).hasMessageContaining("the body is not a valid message");
    }
}
