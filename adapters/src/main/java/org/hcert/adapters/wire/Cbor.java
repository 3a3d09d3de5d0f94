package org.hcert.adapters.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;

/** Frame payloads in CBOR (RFC 8949): written with definite lengths, read in any valid form. */
final class Cbor {

    private static final ObjectMapper MAPPER = new ObjectMapper(new CBORFactory());

    private Cbor() {}

    static byte[] write(ObjectNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a JSON tree as CBOR", e);
        }
    }

    static ObjectNode read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes, offset, length);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new WireFormatException("payload of %d bytes is not valid CBOR: %s".formatted(length, m), e);
        }
        if (!(node instanceof ObjectNode map)) {
            throw new WireFormatException("payload must be a CBOR map, found %s".formatted(node == null ? "nothing" : node.getNodeType()));
        }
        return map;
    }
}
