package org.hcert.conformance.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The NDJSON line schema documented in docs/telemetry.md accepts the bundled recordings and rejects bad bodies. */
class NdjsonLineSchemaTest {

    private static final String SCHEMA = "ndjson-line.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void acceptsEveryLineOfTheBundledConformantRecording() throws IOException {
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(Path.of("../samples/recordings/conformant.ndjson"))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                assertThat(SchemaCheck.validate(SCHEMA, JSON.readTree(line))).as("line %d", lines + 1).isEmpty();
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(1000);
    }

    @Test
    void rejectsASafetyStateWithoutDriveEnabled() throws IOException {
        JsonNode line = JSON.readTree("{\"t\":1,\"topic\":\"/s\",\"type\":\"hcert/msg/SafetyState\","
                + "\"msg\":{\"mode\":\"auto\",\"estop\":false,\"protective_stop\":false}}");
        assertThat(SchemaCheck.validate(SCHEMA, line))
                .containsExactly(new SchemaCheck.Violation("/msg", "required field \"drive_enabled\" is missing"));
    }

    @Test
    void rejectsAFractionalTime() throws IOException {
        JsonNode line = JSON.readTree("{\"t\":1.5,\"topic\":\"/e\",\"type\":\"hcert/msg/Event\",\"msg\":{\"kind\":\"start\"}}");
        assertThat(SchemaCheck.validate(SCHEMA, line)).extracting(SchemaCheck.Violation::pointer).containsExactly("/t");
    }
}
