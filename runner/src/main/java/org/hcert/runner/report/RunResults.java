package org.hcert.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The Allure results of one run, written into its {@code allure-results} folder. Containers and
 * attachments are written as they come, in that order, on a thread of their own (the scenarios go on
 * meanwhile; an attachment's bytes are taken first); each scenario's result is held until {@link #finish}, which
 * sorts it by pillar and names the recording behind each of its measurements (the recordings'
 * hashes are known only once they have been read whole), and then writes it. Before, the results were
 * written, then read back and written again twice: a run of the whole catalogue spent more time in
 * the JSON parser and in compiling it than in writing the results. {@link #finish} first waits for
 * every write in flight, and rethrows one that failed (the writes after it are not tried).
 */
public final class RunResults implements AllureResultsWriter {

    /** The tag that names a scenario's pillar in the bundled features: {@value}. */
    static final String PILLAR_TAG = "pillar:";

    private final Path dir;
    private final FileSystemResultsWriter files;
    private final AllureLifecycle lifecycle;
    private final List<TestResult> held = new ArrayList<>();
    private final Set<String> pillars = new TreeSet<>();
    private boolean finished;
    /** Writes containers and attachments in the order they come; its thread ends after a second without work. */
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "hcert-results");
        t.setDaemon(true);
        return t;
    });
    /** The writes handed to the writer, each run after the one before; after one fails, the later ones are not tried. */
    private CompletableFuture<Void> writes = CompletableFuture.completedFuture(null);

    RunResults(Path dir) {
        this.dir = dir;
        this.files = new FileSystemResultsWriter(dir);
        this.lifecycle = new AllureLifecycle(this);
    }

    /** The lifecycle that writes this run's results. */
    public AllureLifecycle lifecycle() {
        return lifecycle;
    }

    /** The folder the results are written into. */
    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void write(TestResult result) {
        if (finished) {
            files.write(classify(result));
        } else {
            held.add(result);
        }
    }

    @Override
    public synchronized void write(TestResultContainer container) {
        later(() -> files.write(container));
    }

    @Override
    public synchronized void write(String source, InputStream attachment) {
        byte[] bytes;
        try {
            bytes = attachment.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + source, e);
        }
        later(() -> files.write(source, new ByteArrayInputStream(bytes)));
    }

    /** Write on the writer's thread, after what was handed to it before; once finished, at once. */
    private void later(Runnable write) {
        if (finished) {
            write.run();
        } else {
            writes = writes.thenRunAsync(write, writer);
        }
    }

    /** Wait for every write handed to the writer; rethrow the one that failed. */
    private void awaitWrites() {
        CompletableFuture<Void> pending = writes;
        writes = CompletableFuture.completedFuture(null);
        try {
            pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Write every held result, sorted by pillar (each labelled with its pillar, for the Behaviors tab
     * and the Suites tab, and a failed or inconclusive one's message starting with {@code [pillar]}),
     * each measurement step that cites a recording naming its file and SHA-256, and
     * {@code categories.json} with a FAIL and an INCONCLUSIVE category per pillar beside those by
     * cause. Results written later (none in a whole run) are sorted by pillar as they come. Called
     * again, it writes what was held since.
     *
     * @param recordings SHA-256 of each recording, by the path the run was given (none for a run cut short)
     */
    public synchronized void finish(Map<String, String> recordings) {
        awaitWrites();
        for (TestResult result : held) {
            nameRecordings(result.getSteps(), recordings);
            files.write(classify(result));
        }
        held.clear();
        finished = true;
        ObjectMapper json = new ObjectMapper();
        try {
            ArrayNode categories = (ArrayNode) json.readTree(AllureResults.CATEGORIES);
            for (String pillar : pillars) {
                String regex = "(?s)\\[" + Pattern.quote(pillar) + "\\] .*";
                categories.addObject().put("name", AllureResults.words(pillar) + ": FAIL").put("messageRegex", regex)
                        .putArray("matchedStatuses").add("failed");
                categories.addObject().put("name", AllureResults.words(pillar) + ": INCONCLUSIVE").put("messageRegex", regex)
                        .putArray("matchedStatuses").add("broken");
            }
            Files.writeString(dir.resolve("categories.json"), categories.toPrettyString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("categories.json"), e);
        }
    }

    /** Label {@code result} with its pillar, if a tag names one, and prefix a failed or inconclusive one's message with it. */
    private TestResult classify(TestResult result) {
        String pillar = "";
        for (Label label : result.getLabels()) {
            String value = Objects.requireNonNullElse(label.getValue(), "");
            if ("tag".equals(label.getName()) && value.startsWith(PILLAR_TAG)) {
                pillar = value.substring(PILLAR_TAG.length());
            }
        }
        if (pillar.isEmpty()) {
            return result;
        }
        pillars.add(pillar);
        List<Label> labels = new ArrayList<>(result.getLabels()); // the Cucumber plugin's list may be unmodifiable
        labels.add(new Label().setName("epic").setValue(AllureResults.words(pillar)));
        labels.add(new Label().setName("parentSuite").setValue(AllureResults.words(pillar)));
        result.setLabels(labels);
        StatusDetails details = result.getStatusDetails();
        if (details != null && (result.getStatus() == Status.FAILED || result.getStatus() == Status.BROKEN)) {
            details.setMessage("[" + pillar + "] " + Objects.requireNonNullElse(details.getMessage(), ""));
        }
        return result;
    }

    /** Give each step whose {@code source} parameter starts with a recording's path a parameter naming it and its hash. */
    private static void nameRecordings(List<StepResult> steps, Map<String, String> recordings) {
        for (StepResult step : steps) {
            String source = step.getParameters().stream().filter(p -> "source".equals(p.getName())).findFirst()
                    .map(p -> Objects.requireNonNullElse(p.getValue(), "")).orElse(null);
            if (source != null) {
                List<String> named = new ArrayList<>();
                recordings.forEach((path, sha) -> {
                    if (source.startsWith(path)) {
                        named.add(Path.of(path).getFileName() + ", sha256 " + sha);
                    }
                });
                if (!named.isEmpty()) {
                    List<Parameter> parameters = new ArrayList<>(step.getParameters());
                    parameters.add(new Parameter().setName("recording").setValue(String.join("; ", named)));
                    step.setParameters(parameters);
                }
            }
            nameRecordings(step.getSteps(), recordings);
        }
    }
}
