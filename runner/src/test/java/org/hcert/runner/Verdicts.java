package org.hcert.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The clause verdicts of a certificate, in its order: clause id to verdict. */
final class Verdicts {

    private Verdicts() {}

    static Map<String, String> of(Path certificate) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(certificate.toFile()).get("clauses")) {
            out.put(c.get("id").asText(), c.get("verdict").asText());
        }
        return out;
    }
}
