package org.hcert.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;

/**
 * Decode a serialized message body into its JSON shape (field names as in its schema), so that
 * {@link org.hcert.telemetry.ros.RosJsonDecoder} can turn it into a typed sample whatever the
 * recording's encoding.
 */
@FunctionalInterface
public interface BodyDecoder {

    /**
     * Decode one message body.
     *
     * @param schema the schema the body was written with, or {@code null} for schemaless messages
     * @param messageEncoding the message encoding: {@code cdr}, {@code ros1}, {@code json}, …
     * @param data the serialized body; read from its position to its limit
     * @throws TelemetryException when the encoding is not supported or the body is malformed; the
     *     caller adds the file offset and record to the message
     */
    JsonNode decode(@org.jspecify.annotations.Nullable SchemaInfo schema, String messageEncoding, ByteBuffer data);
}
