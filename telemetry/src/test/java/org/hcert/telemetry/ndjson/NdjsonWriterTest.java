package org.hcert.telemetry.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hcert.telemetry.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonWriterTest {

    @TempDir
    Path dir;

    private static Message message(long tNs, double value) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("kind", "start").put("value", value);
        return new Message(tNs, "/events", "hcert/msg/Event", body, "test");
    }

    @Test
    void lineIsWhatTheWriterWritesWithoutTheLineFeed() throws IOException {
        Path file = dir.resolve("rec.ndjson");
        try (NdjsonWriter w = NdjsonWriter.open(file)) {
            w.write(message(1, 0.25));
            w.write(message(2, Double.NaN));
        }

        assertThat(Files.readString(file)).isEqualTo(NdjsonWriter.line(message(1, 0.25)) + "\n"
                + NdjsonWriter.line(message(2, Double.NaN)) + "\n");
        assertThat(NdjsonWriter.line(message(2, Double.NaN))).isEqualTo(
                "{\"t\":2,\"topic\":\"/events\",\"type\":\"hcert/msg/Event\",\"msg\":{\"kind\":\"start\",\"value\":null}}");
    }
}
