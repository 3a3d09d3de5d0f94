package org.hcert.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * History and trends across the runs of one robot, in Allure's own files: each run writes
 * {@code DIR/history/history-trend.json} (one entry per run: its counts by status, newest first)
 * and {@code DIR/history/history.json} (per scenario, by Allure's history id: its status in each
 * run). {@code --history PREVIOUS} puts the previous run's files into this run's results, so the
 * report's Trend panel and each scenario's History tab show the earlier runs, and this run's own
 * files carry them on. The report is one self-contained HTML file, which holds no history folder,
 * so hcert writes these files itself, in the format Allure's generator reads.
 */
public final class ReportHistory {

    /** The folder of a report that holds its history: {@value}. */
    public static final String FOLDER = "history";

    private static final String TREND = "history-trend.json";
    private static final String PER_TEST = "history.json";
    /** The most runs kept in the trend, and per scenario. */
    private static final int KEEP = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportHistory() {}

    /**
     * Put the history of the report in {@code previousDir} into {@code resultsDir/history}, for
     * the generator to read.
     *
     * @throws IllegalArgumentException when the previous report has no history, or it is not Allure's JSON
     */
    public static void carry(Path previousDir, Path resultsDir) {
        Path from = previousDir.resolve(FOLDER);
        Path trend = from.resolve(TREND);
        Path perTest = from.resolve(PER_TEST);
        if (!Files.isRegularFile(trend) || !Files.isRegularFile(perTest)) {
            throw new IllegalArgumentException("--history %s: no %s and %s there (reports of hcert before 0.1 have none)"
                    .formatted(previousDir, FOLDER + "/" + TREND, PER_TEST));
        }
        try {
            Path to = Files.createDirectories(resultsDir.resolve(FOLDER));
            for (Path f : List.of(trend, perTest)) {
                JsonNode read = JSON.readTree(f.toFile());
                if (f.equals(trend) ? !read.isArray() : !read.isObject()) {
                    throw new IllegalArgumentException("--history %s: %s is not an Allure history file".formatted(previousDir, f));
                }
                Files.writeString(to.resolve(f.getFileName().toString()), JSON.writeValueAsString(read), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--history %s: cannot read its history: %s".formatted(previousDir, e.getMessage()), e);
        }
    }

    /** The number of this run in its robot's history: one more than the previous report's newest, or 1. */
    public static long nextBuildOrder(@org.jspecify.annotations.Nullable Path previousDir) {
        if (previousDir == null) {
            return 1;
        }
        long order = 1;
        try {
            for (JsonNode t : JSON.readTree(previousDir.resolve(FOLDER).resolve(TREND).toFile())) {
                order = Math.max(order, t.path("buildOrder").asLong() + 1);
            }
        } catch (IOException e) {
            return 1; // carry() names the problem
        }
        return order;
    }

    /**
     * Write this run's history into {@code outDir/history}: this run first, then what was carried
     * into {@code resultsDir/history} (nothing without {@code --history}).
     */
    public static void write(Path resultsDir, Path outDir, String reportName) {
        try {
            Path carried = resultsDir.resolve(FOLDER);
            ArrayNode previousTrend = Files.isRegularFile(carried.resolve(TREND))
                    ? (ArrayNode) JSON.readTree(carried.resolve(TREND).toFile()) : JSON.createArrayNode();
            ObjectNode previousTests = Files.isRegularFile(carried.resolve(PER_TEST))
                    ? (ObjectNode) JSON.readTree(carried.resolve(PER_TEST).toFile()) : JSON.createObjectNode();
            List<JsonNode> results;
            try (Stream<Path> files = Files.list(resultsDir)) {
                results = files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted()
                        .map(ReportHistory::read).toList();
            }
            long order = 1;
            for (JsonNode t : previousTrend) {
                order = Math.max(order, t.path("buildOrder").asLong() + 1);
            }
            ArrayNode trend = JSON.createArrayNode();
            ObjectNode now = trend.addObject();
            now.set("data", statistic(results.stream().map(r -> r.path("status").asText()).toList()));
            now.put("buildOrder", order).put("reportName", reportName);
            for (int i = 0; i < previousTrend.size() && trend.size() < KEEP; i++) {
                trend.add(previousTrend.get(i));
            }
            ObjectNode tests = JSON.createObjectNode();
            for (JsonNode r : results) {
                String id = r.path("historyId").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                ArrayNode items = JSON.createArrayNode();
                ObjectNode item = items.addObject().put("uid", r.path("uuid").asText()).put("reportUrl", "")
                        .put("status", r.path("status").asText()).put("statusDetails", r.at("/statusDetails/message").asText(""));
                long start = r.path("start").asLong();
                long stop = r.path("stop").asLong();
                item.putObject("time").put("start", start).put("stop", stop).put("duration", stop - start);
                for (JsonNode old : previousTests.path(id).path("items")) {
                    if (items.size() < KEEP) {
                        items.add(old);
                    }
                }
                List<String> statuses = new java.util.ArrayList<>();
                items.forEach(i -> statuses.add(i.path("status").asText()));
                ObjectNode data = tests.putObject(id);
                data.set("statistic", statistic(statuses));
                data.set("items", items);
            }
            Path to = Files.createDirectories(outDir.resolve(FOLDER));
            Files.writeString(to.resolve(TREND), trend.toPrettyString(), StandardCharsets.UTF_8);
            Files.writeString(to.resolve(PER_TEST), tests.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history of " + outDir, e);
        }
    }

    private static JsonNode read(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static ObjectNode statistic(List<String> statuses) {
        ObjectNode s = JSON.createObjectNode();
        for (String status : List.of("failed", "broken", "skipped", "passed", "unknown")) {
            s.put(status, statuses.stream().filter(status::equals).count());
        }
        s.put("total", statuses.size());
        return s;
    }
}
