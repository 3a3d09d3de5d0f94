package org.hcert.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
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
        RunResults run = AllureResults.prepare(results, Map.of("robot", "HC-1"));
        write(run, "a", "failed", "safety-and-ethics", "stop time: measured 1900 ms, limit ≤ 600 ms");
        write(run, "b", "broken", "safety-and-ethics", "link lost: the robot's operator console did not answer");
        write(run, "c", "broken", "complete-machine", "no normal stop in the telemetry");
        write(run, "d", "broken", "basic-commonality", "the operator declined the manual step");
        write(run, "e", "broken", "basic-commonality", "hcert may not move the robot: give --allow-motion");
        write(run, "f", "broken", "limbs-and-components", "the robot refused walk: not in walking mode");
        write(run, "g", "skipped", "safety-and-ethics", "");
        assertThat(results.resolve("a-result.json")).as("held until the run is finished").doesNotExist();
        run.finish(Map.of());

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

    private static void write(RunResults run, String id, String status, String pillar, String message) {
        run.write(new TestResult().setUuid(id).setName(id).setStatus(status.equals("skipped") ? Status.SKIPPED
                : status.equals("failed") ? Status.FAILED : Status.BROKEN).setStatusDetails(new StatusDetails().setMessage(message))
                .setLabels(List.of(new Label().setName("tag").setValue("pillar:" + pillar), // unmodifiable, as Cucumber's may be
                        new Label().setName("tag").setValue("X-1"))));
    }

    @Test
    void eachMeasurementStepNamesItsRecordingAndItsHash() throws IOException {
        Path results = dir.resolve("allure-results");
        RunResults run = AllureResults.prepare(results, Map.of());
        StepResult measured = new StepResult().setName("stop time").setParameters(List.of(
                new Parameter().setName("measured").setValue("455"),
                new Parameter().setName("source").setValue("rec/a.mcap, topics /joint_states")));
        StepResult live = new StepResult().setName("live").setParameters(List.of(
                new Parameter().setName("source").setValue("tcp://127.0.0.1:1, topics /x")));
        run.write(new TestResult().setUuid("m").setName("m").setStatus(Status.PASSED).setSteps(List.of(
                new StepResult().setName("Then").setSteps(List.of(measured, live)))));
        run.finish(Map.of("rec/a.mcap", "0123abcd"));
        JsonNode steps = json.readTree(results.resolve("m-result.json").toFile()).at("/steps/0/steps");
        assertThat(steps.at("/0/parameters/2/name").asText()).isEqualTo("recording");
        assertThat(steps.at("/0/parameters/2/value").asText()).isEqualTo("a.mcap, sha256 0123abcd");
        assertThat(steps.at("/1/parameters")).hasSize(1);
    }

    @Test
    void aResultWrittenAfterTheFinishIsWrittenAtOnceAndSortedByPillar() throws IOException {
        Path results = dir.resolve("allure-results");
        RunResults run = AllureResults.prepare(results, Map.of());
        run.finish(Map.of());
        write(run, "late", "failed", "safety-and-ethics", "stop time: measured 1900 ms, limit ≤ 600 ms");
        JsonNode r = json.readTree(results.resolve("late-result.json").toFile());
        assertThat(labels(r, "epic")).containsExactly("Safety and ethics");
        assertThat(r.at("/statusDetails/message").asText()).startsWith("[safety-and-ethics] stop time");
    }

    /** Containers and attachments are written on the writer's thread: all of them are on disk once the run is finished, with their bytes as given. */
    @Test
    void attachmentsAndContainersWrittenMeanwhileAreOnDiskAtTheFinish() throws IOException {
        Path results = dir.resolve("allure-results");
        RunResults run = AllureResults.prepare(results, Map.of());
        for (int i = 0; i < 200; i++) {
            byte[] bytes = ("trace " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            run.write("a" + i + "-attachment.txt", new java.io.ByteArrayInputStream(bytes));
            run.write(new io.qameta.allure.model.TestResultContainer().setUuid("c" + i));
        }
        run.finish(Map.of());
        for (int i = 0; i < 200; i++) {
            assertThat(results.resolve("a" + i + "-attachment.txt")).hasContent("trace " + i);
            assertThat(results.resolve("c" + i + "-container.json")).exists();
        }
    }

    /** A write that fails on the writer's thread is not lost: the finish throws it. */
    @Test
    void aWriteThatFailedMeanwhileIsThrownByTheFinish() throws IOException {
        Path results = dir.resolve("allure-results");
        RunResults run = AllureResults.prepare(results, Map.of());
        java.nio.file.Files.createDirectories(results.resolve("taken-attachment.txt")); // a folder where the file should go
        run.write("taken-attachment.txt", new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run.finish(Map.of())).hasMessageContaining("Allure attachment");
    }
}
