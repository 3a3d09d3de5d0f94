package org.hcert.adapters.foxglove;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.hcert.telemetry.SchemaInfo;
import org.jspecify.annotations.Nullable;

/**
 * A service a Foxglove WebSocket server advertised.
 *
 * @param id the server's service id
 * @param name the service's name, e.g. {@code /reset}
 * @param type its type, e.g. {@code std_srvs/srv/Trigger}
 * @param requestEncoding the encoding of requests ({@code cdr}, {@code json}); empty when the
 *     server gave none (then its first supported encoding is used)
 * @param request the request's schema, or null when the server gave none
 * @param response the response's schema, or null when the server gave none
 */
public record FoxgloveService(long id, String name, String type, String requestEncoding, @Nullable SchemaInfo request,
        @Nullable SchemaInfo response) {

    /**
     * A service from one entry of an {@code advertiseServices} op: the protocol's {@code request} and
     * {@code response} objects, or the older {@code requestSchema} and {@code responseSchema} texts
     * (ros2msg).
     *
     * @throws IllegalArgumentException when the id or the name is missing
     */
    static FoxgloveService of(JsonNode s) {
        if (!s.hasNonNull("id") || !s.hasNonNull("name")) {
            throw new IllegalArgumentException("an advertised service has no id or name: " + s);
        }
        String type = s.path("type").asText("");
        JsonNode req = s.path("request");
        JsonNode res = s.path("response");
        String encoding = req.path("encoding").asText("");
        return new FoxgloveService(s.get("id").asLong(), s.get("name").asText(), type, encoding,
                schema(req, s.path("requestSchema"), type + "_Request"), schema(res, s.path("responseSchema"), type + "_Response"));
    }

    private static @Nullable SchemaInfo schema(JsonNode definition, JsonNode legacy, String defaultName) {
        if (definition.isObject()) {
            String encoding = definition.path("schemaEncoding").asText(
                    FoxgloveChannel.inferredSchemaEncoding(definition.path("encoding").asText("")));
            return new SchemaInfo(definition.path("schemaName").asText(defaultName), encoding,
                    definition.path("schema").asText("").getBytes(StandardCharsets.UTF_8));
        }
        return legacy.isTextual() ? new SchemaInfo(defaultName, "ros2msg", legacy.asText().getBytes(StandardCharsets.UTF_8)) : null;
    }
}
