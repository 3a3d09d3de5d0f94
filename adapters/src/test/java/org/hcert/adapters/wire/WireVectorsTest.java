package org.hcert.adapters.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.hcert.adapters.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every test vector in docs/wire-protocol.md, read from the document itself. */
class WireVectorsTest {

    static final Path DOC = Path.of("..", "docs", "wire-protocol.md");

    /** One vector: its heading and its fenced blocks by info string. */
    record Vector(String name, String wire, String raw, String frame, String error) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        String name = null;
        String[] blocks = new String[4];
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#### V")) {
                if (name != null) {
                    out.add(new Vector(name, blocks[0], blocks[1], blocks[2], blocks[3]));
                }
                name = line.substring(5);
                blocks = new String[] {"", "", "", ""};
            } else if (name != null && line.startsWith("```") && line.length() > 3) {
                int kind = List.of("```hex wire", "```hex raw", "```json frame", "```text error").indexOf(line);
                StringBuilder body = new StringBuilder();
                for (i++; !lines.get(i).equals("```"); i++) {
                    body.append(lines.get(i)).append('\n');
                }
                if (kind >= 0) {
                    blocks[kind] = body.toString().strip();
                }
            }
        }
        if (name != null) {
            out.add(new Vector(name, blocks[0], blocks[1], blocks[2], blocks[3]));
        }
        return out;
    }

    static Stream<Vector> good() throws IOException {
        return vectors().stream().filter(v -> v.error().isEmpty());
    }

    static Stream<Vector> bad() throws IOException {
        return vectors().stream().filter(v -> !v.error().isEmpty());
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
    }

    @Test
    void documentHasVectorsOfEveryFrameTypeAndOfBadFrames() throws IOException {
        List<Vector> all = vectors();
        assertThat(all).hasSize(23);
        assertThat(all).allSatisfy(v -> assertThat(v.wire()).as(v.name()).isNotEmpty());
        List<String> types = good().map(v -> read(v.frame()).path("type").asText()).distinct().toList();
        assertThat(types).containsExactlyInAnyOrder("HELLO", "CAPABILITIES", "NACK", "TELEMETRY", "COMMAND", "ACK", "PING", "PONG", "BYE");
        assertThat(bad()).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void decodesAndEncodesEachValidVectorExactly(Vector v) {
        byte[] wire = hex(v.wire());
        assertThat(wire[wire.length - 1]).as("delimiter").isZero();
        JsonNode expected = read(v.frame());
        Frame frame = new Frame(FrameType.valueOf(expected.path("type").asText()), expected.path("seq").asLong(),
                expected.path("time_ns").asLong(), (ObjectNode) expected.path("body"));
        assertThat(HexFormat.of().formatHex(FrameCodec.encode(frame))).isEqualTo(HexFormat.of().formatHex(wire));
        assertThat(HexFormat.of().formatHex(FrameCodec.raw(frame))).isEqualTo(HexFormat.of().formatHex(hex(v.raw())));
        Frame decoded = FrameCodec.decode(wire, wire.length - 1);
        assertThat(decoded.type()).isEqualTo(frame.type());
        assertThat(decoded.seq()).isEqualTo(frame.seq());
        assertThat(decoded.timeNs()).isEqualTo(frame.timeNs());
        assertThat(decoded.body().equals((a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1, frame.body())).as("body %s equals %s", decoded.body(), frame.body()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void eachCommandVectorIsWhatItsCommandRecordWrites(Vector v) {
        JsonNode frame = read(v.frame());
        assumeTrue("COMMAND".equals(frame.path("type").asText()), "not a COMMAND");
        JsonNode body = frame.path("body");
        Command command = Command.fromBody(body);
        assertThat(command.name()).isEqualTo(body.path("cmd").asText());
        assertThat(command.toBody().equals((a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1, body)).as("%s writes %s", command, body).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void rejectsEachBadVectorWithTheDocumentedMessage(Vector v) {
        byte[] wire = hex(v.wire());
        assertThatThrownBy(() -> FrameCodec.decode(wire, wire.length - 1)).isInstanceOf(WireFormatException.class)
                .hasMessage(v.error());
    }

    @Test
    void crc32cCheckValueIsTheDocumentedOne() throws IOException {
        CRC32C crc = new CRC32C();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(crc.getValue()).isEqualTo(0xe3069283L);
        assertThat(Files.readString(DOC)).contains("`crc32c(\"123456789\") = 0xe3069283`");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
