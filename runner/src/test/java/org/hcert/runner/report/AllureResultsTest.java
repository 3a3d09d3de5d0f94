package org.hcert.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allure files a result under every category it matches: each result must land under one cause and one pillar. */
class AllureResultsTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyResultIsUnderExactlyOneCauseAndOnePillarAndCarriesItsPillar() throws IOException {
        Path results = dir.resolve("allure-results");
        AllureResults.prepare(results, Map.of("robot", "HC-1"));
        write(results, "a", "failed", "safety-and-ethics", "stop time: measured 1900 ms, limit ≤ 600 ms");
        write(results, "b", "broken", "safety-and-ethics", "link lost: the robot's operator console did not answer");
        write(results, "c", "broken", "complete-machine", "no normal stop in the telemetry");
        write(results, "d", "broken", "basic-commonality", "the operator declined the manual step");
        write(results, "e", "broken", "basic-commonality", "hcert may not move the robot: give --allow-motion");
        write(results, "f", "broken", "limbs-and-components", "the robot refused walk: not in walking mode");
        write(results, "g", "skipped", "safety-and-ethics", "");
        AllureResults.classifyByPillar(results);

        JsonNode categories = json.readTree(results.resolve("categories.json").toFile());
        Map<String, String> expectedCause = Map.of("a", "FAIL: measured outside the limit", "b", "INCONCLUSIVE: link lost",
                "c", "INCONCLUSIVE: evidence missing, too short or corrupt", "d", "INCONCLUSIVE: operator declined or did not answer",
                "e", "INCONCLUSIVE: motion not allowed (--allow-motion)", "f", "INCONCLUSIVE: the robot refused a command",
                "g", "NOT APPLICABLE");
        for (String id : List.of("a", "b", "c", "d", "e", "f", "g")) {
            JsonNode r = json.readTree(results.resolve(id + "-result.json").toFile());
            List<String> matched = matching(categories, r);
            List<String> causes = matched.stream()
                    .filter(n -> n.startsWith("FAIL:") || n.startsWith("INCONCLUSIVE:") || n.equals("NOT APPLICABLE")).toList();
            assertThat(causes).as("causes of %s", id).containsExactly(expectedCause.get(id));
            String pillar = labels(r, "epic").get(0);
            if (!r.get("status").asText().equals("skipped")) {
                assertThat(r.at("/statusDetails/message").asText()).startsWith("[");
                assertThat(matched).as("pillar of %s", id).contains(pillar + (r.get("status").asText().equals("failed")
                        ? ": FAIL" : ": INCONCLUSIVE")).hasSize(2);
            }
            assertThat(labels(r, "parentSuite")).containsExactly(pillar);
        }
        assertThat(labels(json.readTree(results.resolve("a-result.json").toFile()), "epic")).containsExactly("Safety and ethics");
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> out = new ArrayList<>();
        result.get("labels").forEach(l -> {
            if (l.get("name").asText().equals(name)) {
                out.add(l.get("value").asText());
            }
        });
        return out;
    }

    /** As Allure's generator matches: status among the category's, and the whole message matching its regex (DOTALL). */
    private static List<String> matching(JsonNode categories, JsonNode result) {
        List<String> out = new ArrayList<>();
        String status = result.get("status").asText();
        String message = result.at("/statusDetails/message").asText("");
        for (JsonNode c : categories) {
            List<String> statuses = new ArrayList<>();
            c.path("matchedStatuses").forEach(s -> statuses.add(s.asText()));
            boolean byStatus = statuses.isEmpty() || statuses.contains(status);
            boolean byMessage = !c.has("messageRegex") || Pattern.compile(c.get("messageRegex").asText(), Pattern.DOTALL)
                    .matcher(message).matches();
            if (byStatus && byMessage) {
                out.add(c.get("name").asText());
            }
        }
        return out;
    }

    private void write(Path results, String id, String status, String pillar, String message) throws IOException {
        String body = json.createObjectNode().put("uuid", id).put("name", id).put("status", status)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("statusDetails", json.createObjectNode().put("message", message))
                .set("labels", json.createArrayNode().add(json.createObjectNode().put("name", "tag").put("value", "pillar:" + pillar))
                        .add(json.createObjectNode().put("name", "tag").put("value", "X-1")))
                .toString();
        Files.writeString(results.resolve(id + "-result.json"), body, StandardCharsets.UTF_8);
    }

    @Test
    void eachMeasurementStepNamesItsRecordingAndItsHash() throws IOException {
        Path results = dir.resolve("allure-results");
        AllureResults.prepare(results, Map.of());
        String body = """
                {"uuid": "m", "name": "m", "status": "passed", "labels": [], "steps": [{"name": "Then", "steps": [
                  {"name": "stop time", "parameters": [{"name": "measured", "value": "455"},
                                                       {"name": "source", "value": "rec/a.mcap, topics /joint_states"}]},
                  {"name": "live", "parameters": [{"name": "source", "value": "tcp://127.0.0.1:1, topics /x"}]}]}]}
                """;
        Files.writeString(results.resolve("m-result.json"), body, StandardCharsets.UTF_8);
        AllureResults.nameRecordings(results, Map.of("rec/a.mcap", "0123abcd"));
        JsonNode steps = json.readTree(results.resolve("m-result.json").toFile()).at("/steps/0/steps");
        assertThat(steps.at("/0/parameters/2/name").asText()).isEqualTo("recording");
        assertThat(steps.at("/0/parameters/2/value").asText()).isEqualTo("a.mcap, sha256 0123abcd");
        assertThat(steps.at("/1/parameters")).hasSize(1);
    }
}
