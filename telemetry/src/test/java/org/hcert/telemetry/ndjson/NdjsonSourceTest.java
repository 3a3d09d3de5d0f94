package org.hcert.telemetry.ndjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonSourceTest {

    private static final String EVENT = "{\"t\":%d,\"topic\":\"/events\",\"type\":\"hcert/msg/Event\",\"msg\":{\"kind\":\"start\",\"detail\":\"\"}}";

    @TempDir
    Path dir;

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("rec.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private static List<Message> readAll(Path file) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = new NdjsonSource(file).open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void readsMessagesInOrderSkippingBlankLines() throws IOException {
        Path file = write(EVENT.formatted(1), "", EVENT.formatted(2));
        List<Message> messages = readAll(file);
        assertThat(messages).extracting(Message::logTimeNs).containsExactly(1L, 2L);
        assertThat(messages.get(1).origin()).isEqualTo(file + ":3");
        assertThat(messages.get(0).body().get("kind").asText()).isEqualTo("start");
    }

    @Test
    void namesFileAndLineOfABrokenLine() throws IOException {
        Path file = write(EVENT.formatted(1), "{\"t\":2,\"topic\":\"/events\",");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(TelemetryFormatException.class)
                .hasMessageStartingWith(file + ":2: not a JSON object: Unexpected end-of-input");
    }

    @Test
    void rejectsATimeThatIsNotAnInteger() throws IOException {
        Path file = write("{\"t\":1.5,\"topic\":\"/x\",\"type\":\"t\",\"msg\":{}}");
        assertThatThrownBy(() -> readAll(file)).hasMessage(
                file + ":1: field \"t\" must be an integer (nanoseconds since the Unix epoch), got 1.5");
    }

    @Test
    void rejectsTimeGoingBackwards() throws IOException {
        Path file = write(EVENT.formatted(5), EVENT.formatted(4));
        assertThatThrownBy(() -> readAll(file)).hasMessage(
                file + ":2: field \"t\" goes back in time: 4 ns after 5 ns (the format requires non-decreasing t)");
    }

    @Test
    void rejectsAMissingTopicAndANonObjectBody() throws IOException {
        Path noTopic = write("{\"t\":1,\"type\":\"t\",\"msg\":{}}");
        assertThatThrownBy(() -> readAll(noTopic)).hasMessage(noTopic + ":1: field \"topic\" must be a non-empty string");
        Path badBody = write("{\"t\":1,\"topic\":\"/x\",\"type\":\"t\",\"msg\":3}");
        assertThatThrownBy(() -> readAll(badBody)).hasMessage(badBody + ":1: field \"msg\" must be a JSON object");
    }

    @Test
    void saysWhenTheRecordingDoesNotExist() {
        Path missing = dir.resolve("none.ndjson");
        assertThatThrownBy(() -> new NdjsonSource(missing).open())
                .isInstanceOf(TelemetryException.class)
                .hasMessage(missing + ": recording not found");
    }
}
