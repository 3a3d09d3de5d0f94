package org.hcert.conformance.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validate documents against hcert's JSON Schemas, bundled at {@code classpath:profiles/schemas/}
 * (the repository's {@code profiles/schemas/} folder).
 */
public final class SchemaCheck {

    /** Classpath folder of the schemas: {@value}. */
    public static final String SCHEMA_FOLDER = "profiles/schemas/";

    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaCheck() {}

    /** One schema violation: where (JSON pointer) and what. */
    public record Violation(String pointer, String problem) {}

    /** Validate {@code document} against the schema file {@code schemaName}; violations sorted by place. */
    public static List<Violation> validate(String schemaName, JsonNode document) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaName, SchemaCheck::load);
        return schema.validate(document).stream()
                .map(SchemaCheck::violation)
                .sorted(Comparator.comparing(Violation::pointer))
                .distinct()
                .toList();
    }

    private static Violation violation(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            return new Violation(pointer, "required field \"%s\" is missing".formatted(m.getProperty()));
        }
        if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
            return new Violation(pointer + "/" + m.getProperty(), "unknown field; check its spelling against the schema");
        }
        return new Violation(pointer, m.getError());
    }

    private static JsonSchema load(String name) {
        String resource = SCHEMA_FOLDER + name;
        try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, () -> "schema " + resource + " is missing from the classpath");
            JsonNode node = JSON.readTree(in);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + resource, e);
        }
    }
}
