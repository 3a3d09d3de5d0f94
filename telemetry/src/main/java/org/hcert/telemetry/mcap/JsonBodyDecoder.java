package org.hcert.telemetry.mcap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.jspecify.annotations.Nullable;

/**
 * Decode bodies with MCAP message encoding {@code json} (schema encoding {@code jsonschema} or
 * none): the body is one UTF-8 JSON value. Other encodings are refused, naming the encoding.
 */
public final class JsonBodyDecoder implements BodyDecoder {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public JsonNode decode(@Nullable SchemaInfo schema, String messageEncoding, ByteBuffer data) {
        if (!messageEncoding.equals("json")) {
            throw new TelemetryException("message encoding \"%s\" is not supported here; JsonBodyDecoder reads \"json\" only"
                    .formatted(messageEncoding));
        }
        if (schema != null && !schema.encoding().isEmpty() && !schema.encoding().equals("jsonschema")) {
            throw new TelemetryException("schema encoding \"%s\" does not go with message encoding \"json\"; expected \"jsonschema\" or none"
                    .formatted(schema.encoding()));
        }
        ByteBuffer d = data.duplicate();
        byte[] bytes = new byte[d.remaining()];
        d.get(bytes);
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new TelemetryException("the body is empty, not a JSON value");
            }
            return node;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new TelemetryException("the body is not valid JSON: " + m, e);
        }
    }
}
