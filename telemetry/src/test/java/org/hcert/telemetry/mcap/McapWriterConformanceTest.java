package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write each conformance case from its expected records, with the features its name lists, and
 * compare the bytes with the upstream file, as the upstream writer runners do.
 *
 * <p>Excluded on purpose, as in every upstream writer runner: the 208 {@code pad} variants, whose
 * generator appends three undefined bytes to each record to test readers; no writer produces them.
 */
class McapWriterConformanceTest {

    static final int PAD_VARIANTS = 208;

    @TempDir
    Path tmp;

    static Stream<Path> cases() {
        return McapConformanceTest.cases().stream().filter(p -> !features(p).contains("pad"));
    }

    static Set<String> features(Path mcap) {
        Set<String> features = new HashSet<>();
        McapConformanceTest.expected(mcap).at("/meta/variant/features").forEach(f -> features.add(f.asText()));
        return features;
    }

    @Test
    void excludesOnlyThePaddedVariants() {
        assertThat(cases().count()).isEqualTo(McapConformanceTest.CASES - PAD_VARIANTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheSameBytes(Path mcap) throws IOException {
        Path out = tmp.resolve("out.mcap");
        write(McapConformanceTest.expected(mcap), features(mcap), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(mcap));
    }

    private static void write(JsonNode testCase, Set<String> f, Path out) {
        McapWriter.Builder builder = McapWriter.builder().compression(Compression.NONE).chunkSize(1 << 20)
                .chunked(f.contains("ch")).messageIndexes(f.contains("mx")).statistics(f.contains("st"))
                .repeatSchemas(f.contains("rsh")).repeatChannels(f.contains("rch"))
                .attachmentIndexes(f.contains("ax")).metadataIndexes(f.contains("mdx"))
                .chunkIndexes(f.contains("chx")).summaryOffsets(f.contains("sum"));
        McapWriter writer = null;
        Map<Long, Integer> schemaIds = new HashMap<>();
        Map<Long, Integer> channelIds = new HashMap<>();
        for (JsonNode record : testCase.get("records")) {
            if (record.get("type").asText().equals("DataEnd")) {
                open(writer).close();
                return; // What follows is the summary, which the writer produces itself.
            }
            Fields r = new Fields(record.get("fields"));
            switch (record.get("type").asText()) {
                case "Header" -> writer = builder.profile(r.text("profile")).library(r.text("library")).open(out);
                case "Schema" -> schemaIds.put(r.num("id"),
                        open(writer).registerSchema(r.text("name"), r.text("encoding"), r.bytes("data")));
                case "Channel" -> channelIds.put(r.num("id"), open(writer).registerChannel(r.text("topic"),
                        r.text("message_encoding"), r.num("schema_id") == 0 ? 0 : schemaIds.get(r.num("schema_id")),
                        r.map("metadata")));
                case "Message" -> open(writer).write(channelIds.get(r.num("channel_id")), r.num("sequence"),
                        r.num("log_time"), r.num("publish_time"), r.bytes("data"));
                case "Attachment" -> open(writer).attach(r.num("log_time"), r.num("create_time"), r.text("name"),
                        r.text("media_type"), r.bytes("data"));
                case "Metadata" -> open(writer).metadata(r.text("name"), r.map("metadata"));
                default -> {
                    // Nothing else comes before DataEnd in the upstream inputs.
                }
            }
        }
    }

    private static McapWriter open(McapWriter w) {
        assertThat(w).as("a Header record comes first").isNotNull();
        return w;
    }

    /** The {@code [[name, value]…]} fields of one expected record. */
    private record Fields(JsonNode pairs) {

        JsonNode get(String name) {
            for (JsonNode p : pairs) {
                if (p.get(0).asText().equals(name)) {
                    return p.get(1);
                }
            }
            throw new AssertionError("no field " + name + " in " + pairs);
        }

        String text(String name) {
            return get(name).asText();
        }

        long num(String name) {
            return Long.parseUnsignedLong(get(name).asText());
        }

        byte[] bytes(String name) {
            JsonNode a = get(name);
            byte[] b = new byte[a.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(a.get(i).asText());
            }
            return b;
        }

        Map<String, String> map(String name) {
            Map<String, String> m = new LinkedHashMap<>();
            get(name).properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        }
    }
}
