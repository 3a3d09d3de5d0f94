package org.hcert.runner.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
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
    static final String CATEGORIES = """
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

    private AllureResults() {}

    /** Make {@code resultsDir} afresh and return what writes this run's results into it. */
    public static RunResults prepare(Path resultsDir, Map<String, String> environment) {
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
        return new RunResults(resultsDir);
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
