package org.hcert.telemetry.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.SameFields;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.mcap.Compression;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Conversions of a bundled recording between NDJSON, CSV and MCAP, and back. */
class ConversionTest {

    /** How many lines of the bundled recording the tests convert: every topic, about 2.3 s. */
    private static final int LINES = 1500;

    @TempDir
    Path dir;

    private Path fall;

    @BeforeEach
    void copyTheStartOfABundledRecording() throws IOException {
        fall = dir.resolve("fall.ndjson");
        try (Stream<String> lines = Files.lines(Path.of("../samples/recordings/fall.ndjson"))) {
            Files.write(fall, lines.limit(LINES).toList());
        }
    }

    private static List<Message> read(Path file) {
        List<Message> all = new ArrayList<>();
        try (MessageCursor c = Recordings.open(file).open()) {
            c.forEachRemaining(all::add);
        }
        return all;
    }

    /** Same times, topics, types and fields, message by message (one assertion: AssertJ in a loop is slow). */
    private static void assertSameMessages(List<Message> expected, List<Message> actual) {
        assertThat(actual).hasSameSizeAs(expected);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size() && differences.size() < 5; i++) {
            Message e = expected.get(i);
            Message a = actual.get(i);
            if (a.logTimeNs() != e.logTimeNs() || !a.topic().equals(e.topic()) || !a.type().equals(e.type())) {
                differences.add("%s: %d %s %s became %d %s %s".formatted(e.origin(), e.logTimeNs(), e.topic(), e.type(),
                        a.logTimeNs(), a.topic(), a.type()));
            }
            SameFields.difference(e.body(), a.body()).ifPresent(d -> differences.add(e.origin() + " " + d));
        }
        assertThat(differences).isEmpty();
    }

    private Path convert(Path from, String name, Conversion.Options options) {
        Path to = dir.resolve(name);
        Conversion.convert(Recordings.open(from), to, options);
        return to;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void convertsNdjsonToCdrMcapAndBackWithEveryField(Compression compression) throws IOException {
        Conversion.Options options = new Conversion.Options(compression, BodyEncoding.CDR);
        Path mcap = convert(fall, "fall-out.mcap", options);
        List<Message> original = read(fall);
        assertSameMessages(original, read(mcap));
        Path back = convert(mcap, "back.ndjson", options);
        // BatteryState's fields are float32 in CDR: the NDJSON written back holds the float32 value,
        // as the MCAP does (compared with the original by float value just above).
        assertSameMessages(read(mcap), read(back));
        Path again = convert(convert(back, "again.mcap", options), "again.ndjson", options);
        assertThat(Files.readString(again)).isEqualTo(Files.readString(back));
        try (McapReader r = McapReader.open(mcap)) {
            assertThat(r.channels().values()).extracting(McapRecord.Channel::messageEncoding).containsOnly("cdr");
            assertThat(r.schemas().values()).extracting(McapRecord.Schema::encoding).containsOnly("ros2msg");
        }
    }

    @Test
    void convertsNdjsonToJsonMcapAndBackByteForByte() throws IOException {
        Conversion.Options json = new Conversion.Options(Compression.LZ4, BodyEncoding.JSON);
        Path canonical = convert(fall, "canonical.ndjson", json);
        Path back = convert(convert(canonical, "fall.mcap", json), "back.ndjson", json);
        assertThat(Files.readString(back)).isEqualTo(Files.readString(canonical));
        assertSameMessages(read(fall), read(back));
    }

    @Test
    void convertsNdjsonToCsvAndBack() throws IOException {
        Path csv = convert(fall, "fall.csv", Conversion.Options.defaults());
        assertSameMessages(read(fall), read(csv));
        Path back = convert(csv, "back.ndjson", Conversion.Options.defaults());
        Path csvAgain = convert(back, "again.csv", Conversion.Options.defaults());
        assertThat(Files.readString(csvAgain)).isEqualTo(Files.readString(csv));
        assertThat(Files.readString(convert(csvAgain, "again.ndjson", Conversion.Options.defaults())))
                .isEqualTo(Files.readString(back));
    }

    @Test
    void convertsCdrMcapToCsvKeepingFloat32Values() {
        Path mcap = convert(fall, "fall-out.mcap", Conversion.Options.defaults());
        Path csv = convert(mcap, "fall.csv", Conversion.Options.defaults());
        assertSameMessages(read(mcap), read(csv));
    }

    @Test
    void writesTheSameBytesEveryTime() throws IOException {
        for (String name : List.of("a.mcap", "b.mcap")) {
            convert(fall, name, Conversion.Options.defaults());
        }
        assertThat(Files.readAllBytes(dir.resolve("a.mcap"))).isEqualTo(Files.readAllBytes(dir.resolve("b.mcap")));
    }

    @Test
    void writesTypesWithoutBundledDefinitionAsJson() throws IOException {
        Path in = dir.resolve("in.ndjson");
        Files.writeString(in, """
                {"t":1,"topic":"/chatter","type":"std_msgs/msg/String","msg":{"data":"hi"}}
                {"t":2,"topic":"/events","type":"hcert/msg/Event","msg":{"kind":"start","detail":""}}
                """);
        Conversion.Result result = Conversion.convert(Recordings.open(in), dir.resolve("out.mcap"), Conversion.Options.defaults());
        assertThat(result.messages()).isEqualTo(2);
        assertThat(result.encodingByTopic()).isEqualTo(Map.of("/chatter", "json", "/events", "cdr"));
        assertSameMessages(read(in), read(dir.resolve("out.mcap")));
    }

    @Test
    void aTopicWithAnAbsentFlagIsWrittenAsJsonNeverAsFalse() throws IOException {
        Path in = dir.resolve("in.ndjson");
        // the second safety state does not say whether the drive is enabled
        Files.writeString(in, """
                {"t":1,"topic":"/safety","type":"hcert/msg/SafetyState","msg":{"mode":"walk","estop":false,"protective_stop":false,"drive_enabled":true}}
                {"t":2,"topic":"/safety","type":"hcert/msg/SafetyState","msg":{"mode":"walk","estop":true,"protective_stop":false}}
                {"t":3,"topic":"/events","type":"hcert/msg/Event","msg":{"kind":"start","detail":""}}
                """);
        Path out = dir.resolve("out.mcap");
        Conversion.Result result = Conversion.convert(Recordings.open(in), out, Conversion.Options.defaults());
        assertThat(result.encodingByTopic()).isEqualTo(Map.of("/safety", "json", "/events", "cdr"));
        assertThat(result.keptAsJson()).containsOnlyKeys("/safety");
        assertThat(result.keptAsJson().get("/safety")).isEqualTo(in + ":2: field drive_enabled is absent, and CDR has no way to say so");
        // the copy still lacks the flag, as the original does
        assertThat(read(out).get(1).body().has("drive_enabled")).isFalse();
        assertSameMessages(read(in), read(out));
    }

    @Test
    void failsNamingTheMessageAndLeavesNoFileBehind() throws IOException {
        Path in = dir.resolve("in.ndjson");
        Files.writeString(in, """
                {"t":1,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"position":[1,"x"]}}
                """);
        Path out = dir.resolve("out.mcap");
        assertThatThrownBy(() -> Conversion.convert(Recordings.open(in), out, Conversion.Options.defaults()))
                .isInstanceOf(TelemetryException.class)
                .hasMessage(in + ":1: sensor_msgs/msg/JointState (cdr), field position[1]: expected a number (float64), got \"x\"");
        assertThat(dir).isDirectoryNotContaining("glob:**out.mcap*").isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void refusesAnOutputFormatItCannotWrite() {
        assertThatThrownBy(() -> Conversion.convert(Recordings.open(fall), dir.resolve("x.db3"), Conversion.Options.defaults()))
                .isInstanceOf(TelemetryException.class)
                .hasMessage(dir.resolve("x.db3") + ": cannot write this format; expected a file ending in .ndjson, .jsonl, .csv or .mcap");
    }
}
