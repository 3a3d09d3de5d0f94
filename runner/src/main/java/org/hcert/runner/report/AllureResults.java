package org.hcert.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Prepare a fresh {@code allure-results} folder for one run, with the Allure lifecycle that writes into it.
 *
 * <p>Also writes {@code environment.properties} (robot, standard, lab, evidence) and
 * {@code categories.json}, which names broken results INCONCLUSIVE (by cause: link lost, operator,
 * motion not allowed, a refused command, or missing evidence) and failed ones FAIL.
 */
public final class AllureResults {

    /**
     * By cause. Allure files a result under every category it matches, so the causes exclude one
     * another: missing evidence is what is broken for none of the specific causes.
     */
    private static final String CATEGORIES = """
            [
              {"name": "INCONCLUSIVE: link lost", "matchedStatuses": ["broken"], "messageRegex": "(?s).*link lost.*"},
              {"name": "INCONCLUSIVE: operator declined or did not answer", "matchedStatuses": ["broken"],
               "messageRegex": "(?s)(?!.*link lost).*(operator|manual step).*"},
              {"name": "INCONCLUSIVE: motion not allowed (--allow-motion)", "matchedStatuses": ["broken"],
               "messageRegex": "(?s)(?!.*(link lost|operator|manual step)).*may not move the robot.*"},
              {"name": "INCONCLUSIVE: the robot refused a command", "matchedStatuses": ["broken"],
               "messageRegex": "(?s)(?!.*(link lost|operator|manual step|may not move the robot)).*the robot refused.*"},
              {"name": "FAIL: measured outside the limit", "matchedStatuses": ["failed"]},
              {"name": "INCONCLUSIVE: evidence missing, too short or corrupt", "matchedStatuses": ["broken"],
               "messageRegex": "(?s)(?!.*(link lost|operator|manual step|may not move the robot|the robot refused)).*"},
              {"name": "NOT APPLICABLE", "matchedStatuses": ["skipped"]}
            ]
            """;

    /** The tag that names a scenario's pillar in the bundled features: {@value}. */
    private static final String PILLAR_TAG = "pillar:";

    private AllureResults() {}

    /** Make {@code resultsDir} afresh and return the lifecycle that writes this run's results into it. */
    public static AllureLifecycle prepare(Path resultsDir, Map<String, String> environment) {
        try {
            deleteRecursively(resultsDir);
            Files.createDirectories(resultsDir);
            Files.writeString(resultsDir.resolve("categories.json"), CATEGORIES, StandardCharsets.UTF_8);
            StringBuilder env = new StringBuilder();
            new LinkedHashMap<>(environment).forEach((k, v) ->
                    env.append(k.replace(' ', '_')).append('=').append(v.replace("\n", " ")).append('\n'));
            Files.writeString(resultsDir.resolve("environment.properties"), env, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + resultsDir, e);
        }
        return new AllureLifecycle(new FileSystemResultsWriter(resultsDir));
    }

    /**
     * Write {@code executor.json}, which Allure shows as who ran the tests: hcert and its version,
     * the lab and operator, and the host.
     */
    public static void writeExecutor(Path resultsDir, String hcertVersion, String lab, String operator, String reportName,
            long buildOrder) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        com.fasterxml.jackson.databind.node.ObjectNode executor = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("name", "hcert " + hcertVersion).put("type", "hcert")
                .put("buildName", "%s, operator %s, on %s".formatted(lab, operator, host)).put("reportName", reportName)
                .put("buildOrder", buildOrder);
        try {
            Files.writeString(resultsDir.resolve("executor.json"), executor.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + resultsDir.resolve("executor.json"), e);
        }
    }

    /**
     * Sort the written results by pillar: each result is labelled with its pillar (the Behaviors tab
     * groups by it, the Suites tab under it), a failed or inconclusive one's message starts with
     * {@code [pillar]}, and {@code categories.json} gains a FAIL and an INCONCLUSIVE category per
     * pillar beside those by cause. Call once every scenario has been written, before the HTML.
     */
    public static void classifyByPillar(Path resultsDir) {
        ObjectMapper json = new ObjectMapper();
        Set<String> pillars = new TreeSet<>();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                ObjectNode result = (ObjectNode) json.readTree(file.toFile());
                ArrayNode labels = result.withArray("labels");
                String pillar = "";
                for (JsonNode label : labels) {
                    String value = label.path("value").asText();
                    if (label.path("name").asText().equals("tag") && value.startsWith(PILLAR_TAG)) {
                        pillar = value.substring(PILLAR_TAG.length());
                    }
                }
                if (pillar.isEmpty()) {
                    continue;
                }
                pillars.add(pillar);
                labels.addObject().put("name", "epic").put("value", words(pillar));
                labels.addObject().put("name", "parentSuite").put("value", words(pillar));
                JsonNode details = result.path("statusDetails");
                String status = result.path("status").asText();
                if (details instanceof ObjectNode d && (status.equals("failed") || status.equals("broken"))) {
                    d.put("message", "[" + pillar + "] " + d.path("message").asText(""));
                }
                Files.writeString(file, json.writeValueAsString(result), StandardCharsets.UTF_8);
            }
            ArrayNode categories = (ArrayNode) json.readTree(CATEGORIES);
            for (String pillar : pillars) {
                String regex = "(?s)\\[" + java.util.regex.Pattern.quote(pillar) + "\\] .*";
                categories.addObject().put("name", words(pillar) + ": FAIL").put("messageRegex", regex)
                        .putArray("matchedStatuses").add("failed");
                categories.addObject().put("name", words(pillar) + ": INCONCLUSIVE").put("messageRegex", regex)
                        .putArray("matchedStatuses").add("broken");
            }
            Files.writeString(resultsDir.resolve("categories.json"), categories.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sort the results of " + resultsDir + " by pillar", e);
        }
    }

    /**
     * Name the recording behind each measurement step: a step whose {@code source} parameter starts
     * with a recording's path gains a parameter named "recording", its file name and SHA-256 (the
     * hashes are known only once the recordings have been read whole).
     *
     * @param recordings SHA-256 of each recording, by the path the run was given
     */
    public static void nameRecordings(Path resultsDir, Map<String, String> recordings) {
        if (recordings.isEmpty()) {
            return;
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(resultsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList()) {
                ObjectNode result = (ObjectNode) json.readTree(file.toFile());
                if (nameRecordings(result.path("steps"), recordings)) {
                    Files.writeString(file, json.writeValueAsString(result), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot name the recordings in " + resultsDir, e);
        }
    }

    private static boolean nameRecordings(JsonNode steps, Map<String, String> recordings) {
        boolean changed = false;
        for (JsonNode step : steps) {
            for (JsonNode p : step.path("parameters")) {
                if (!p.path("name").asText().equals("source")) {
                    continue;
                }
                String source = p.path("value").asText();
                List<String> named = new java.util.ArrayList<>();
                recordings.forEach((path, sha) -> {
                    if (source.startsWith(path)) {
                        named.add(Path.of(path).getFileName() + ", sha256 " + sha);
                    }
                });
                if (!named.isEmpty() && step.path("parameters") instanceof ArrayNode params) {
                    params.addObject().put("name", "recording").put("value", String.join("; ", named));
                    changed = true;
                }
                break;
            }
            changed |= nameRecordings(step.path("steps"), recordings);
        }
        return changed;
    }

    /** {@code safety-and-ethics} as {@code Safety and ethics}. */
    static String words(String pillar) {
        String spaced = pillar.replace('-', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
