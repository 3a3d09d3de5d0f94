package org.hcert.telemetry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.TelemetrySource;
import org.hcert.telemetry.convert.Conversion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header of each message (source stamp and frame_id) reaches the samples' consumers alike from
 * NDJSON, from MCAP (CDR, through the fast path) and from CSV; a type without a header has none, and
 * a zero stamp is no stamp.
 */
class MessageHeaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A joint state stamped 3 ms before its log time, a safety state (no header), a temperature with a zero stamp. */
    private static final String NDJSON = """
            {"t":1772352000010000000,"topic":"/joint_states","type":"sensor_msgs/msg/JointState","msg":{"header":{"stamp":{"sec":1772352000,"nanosec":7000000},"frame_id":"base"},"name":["a"],"position":[0.1],"velocity":[],"effort":[]}}
            {"t":1772352000020000000,"topic":"/safety/state","type":"hcert/msg/SafetyState","msg":{"mode":"auto","estop":false,"protective_stop":false,"drive_enabled":true}}
            {"t":1772352000030000000,"topic":"/temperatures","type":"sensor_msgs/msg/Temperature","msg":{"header":{"stamp":{"sec":0,"nanosec":0},"frame_id":"left_knee"},"temperature":25.0,"variance":0.0}}
            {"t":1772352000040000000,"topic":"/temperatures","type":"sensor_msgs/msg/Temperature","msg":{"header":{"stamp":{"sec":1772352000,"nanosec":40000000},"frame_id":"right_knee"},"temperature":25.0,"variance":0.0}}
            """;

    private static final SignalMapping MAPPING = SignalMapping.of(Map.of(Role.JOINTS, List.of("/joint_states"),
            Role.SAFETY_STATE, List.of("/safety/state"), Role.TEMPERATURES, List.of("/temperatures")));

    private static final List<MessageHeader> EXPECTED = List.of(
            new MessageHeader(true, 1_772_352_000_007_000_000L, "base"),
            MessageHeader.NONE,
            new MessageHeader(true, 0, "left_knee"),
            new MessageHeader(true, 1_772_352_000_040_000_000L, "right_knee"));

    @TempDir
    Path dir;

    private static List<MessageHeader> headers(TelemetrySource source) {
        List<MessageHeader> out = new ArrayList<>();
        try (SampleStream s = SampleStream.open(source, MAPPING, EnumSet.allOf(Role.class))) {
            while (s.hasNext()) {
                s.next();
                out.add(s.header());
            }
            // sensors named by frame_id on a temperatures topic are not publishers
            assertThat(s.publishers().getOrDefault("/temperatures", java.util.Set.of())).hasSizeLessThanOrEqualTo(1);
        }
        return out;
    }

    @Test
    void everyFormatCarriesTheSameHeaders() throws IOException {
        Path ndjson = Files.writeString(dir.resolve("h.ndjson"), NDJSON);
        assertThat(headers(Recordings.open(ndjson))).containsExactlyElementsOf(EXPECTED);
        Path mcap = dir.resolve("h.mcap");
        Conversion.convert(Recordings.open(ndjson), mcap, Conversion.Options.defaults());
        assertThat(headers(Recordings.open(mcap))).containsExactlyElementsOf(EXPECTED);
        Path csv = dir.resolve("h.csv");
        Conversion.convert(Recordings.open(ndjson), csv, Conversion.Options.defaults());
        assertThat(headers(Recordings.open(csv))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void aZeroOrMalformedStampIsNoStamp() throws IOException {
        assertThat(MessageHeader.of(JSON.readTree("{\"header\":{\"stamp\":{\"sec\":0,\"nanosec\":0},\"frame_id\":\"x\"}}")).stamped())
                .isFalse();
        assertThat(MessageHeader.of(JSON.readTree("{\"header\":{\"stamp\":{\"sec\":5},\"frame_id\":\"x\"}}")))
                .isEqualTo(new MessageHeader(true, 0, "x"));
        assertThat(MessageHeader.of(JSON.readTree("{\"mode\":\"auto\"}"))).isEqualTo(MessageHeader.NONE);
        assertThat(MessageHeader.of(JSON.readTree("{\"header\":{\"stamp\":{\"sec\":2,\"nanosec\":5}}}")).stampNs())
                .isEqualTo(2_000_000_005L);
    }
}
