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
    void rejectsATimeThatIsNotAWholeNonNegativeNumber() throws IOException {
        // each as written, and as the message shows it
        String[][] times = {{"1.5", "1.5"}, {"1.0", "1.0"}, {"1e9", "1.0E9"}, {"-5", "-5"}, {"\"7\"", "\"7\""}, {"null", "null"}};
        for (String[] t : times) {
            Path file = write("{\"t\":" + t[0] + ",\"topic\":\"/x\",\"type\":\"t\",\"msg\":{}}");
            assertThatThrownBy(() -> readAll(file)).as(t[0]).hasMessage(file + ":1: field \"t\" must be a whole, non-negative number of "
                    + "nanoseconds since the Unix epoch, got " + t[1]);
        }
    }

    /** A robot's logger that writes a key twice: one JSON reader keeps the first, another the last; hcert keeps neither. */
    @Test
    void rejectsAKeyGivenTwiceInOneObject() throws IOException {
        Path file = write(EVENT.formatted(1), "{\"t\":2,\"topic\":\"/x\",\"type\":\"t\",\"msg\":{\"upper\":2.2,\"upper\":9.9}}");
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                file + ":2: key \"upper\" is given twice in one object; JSON readers disagree on which one counts, so hcert reads neither");
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsNumberBeforeItIsHeld() throws IOException {
        Path file = dir.resolve("long.ndjson");
        try (var out = Files.newOutputStream(file)) {
            out.write((EVENT.formatted(1) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write("{\"t\":2,\"topic\":\"/x\",\"type\":\"t\",\"msg\":{\"pad\":\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] pad = new byte[1 << 20];
            java.util.Arrays.fill(pad, (byte) 'a');
            for (int i = 0; i < 40; i++) {
                out.write(pad);
            }
            out.write("\"}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                file + ":2: line 2 is longer than 16777216 bytes, the most hcert reads in one line");
    }

    @Test
    void invalidUtf8IsNamedWithItsLineAndByte() throws IOException {
        Path file = dir.resolve("bad.ndjson");
        byte[] good = (EVENT.formatted(1) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "{\"t\":2,\"topic\":\"/x\u00ff\",\"type\":\"t\",\"msg\":{}}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, concat(good, bad));
        assertThatThrownBy(() -> readAll(file)).isInstanceOf(TelemetryFormatException.class).hasMessage(
                file + ":2: line 2 is not valid UTF-8 (a malformed sequence of 1 byte(s) at byte 19 of the line)");
    }

    @Test
    void crLfLineEndsAreLinesToo() throws IOException {
        Path file = dir.resolve("crlf.ndjson");
        Files.writeString(file, EVENT.formatted(1) + "\r\n" + EVENT.formatted(2) + "\r\n");
        assertThat(readAll(file)).extracting(Message::logTimeNs).containsExactly(1L, 2L);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
