package org.hcert.conformance.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hcert.conformance.evidence.AllurePlugin;
import org.hcert.conformance.steps.HcertObjectFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Run feature files through the JUnit Platform launcher and the Cucumber engine, and return the
 * judged outcome of every scenario. The CLI and the suite's own integration tests share this.
 */
public final class FeatureRun {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureRun.class);

    /** Cucumber glue package: {@value}. */
    public static final String GLUE = "org.hcert.conformance.steps";

    /** The bundled features, inside the conformance-suite jar: {@value}. */
    public static final String BUNDLED_FEATURES = "classpath:features";

    private FeatureRun() {}

    private static final Object CUCUMBER = new Object();

    /**
     * What to run.
     *
     * @param features {@code classpath:features}, or a feature file or folder on disk
     * @param tagExpression which scenarios to run; must not be blank
     */
    public record Options(String features, String tagExpression) {
        public Options {
            Objects.requireNonNull(features, "features must not be null");
            if (tagExpression.isBlank()) {
                throw new IllegalArgumentException("tag expression must not be blank");
            }
        }
    }

    /**
     * Run the selected scenarios against {@code context}. On a recording, every applicable clause is
     * first evaluated in one pass over it; live, each scenario's When-step acts and evaluates what
     * it captured. Several runs may execute at once, each on its own thread: their passes run side
     * by side, their scenarios take turns.
     *
     * @throws FeatureRunException when the features cannot be discovered or an engine fails
     */
    public static List<ScenarioOutcome> execute(CertificationContext context, Options options) {
        LOG.info("running features {} with tags {}", options.features(), options.tagExpression());
        EngineFailures failures = new EngineFailures();
        Runs.begin(context);
        context.allureLifecycle().ifPresent(l -> AllurePlugin.register(context.id(), l));
        try {
            if (context.liveSession().isEmpty()) {
                context.evaluateRecording();
            }
            // Cucumber opens the jar that holds the features as a zip file system, which is not safe
            // to do from two threads at once (FileSystemAlreadyExistsException in a fresh JVM): the
            // scenarios of concurrent runs take turns. They only judge what each run's pass gathered
            // (milliseconds on a recording); the passes themselves run side by side.
            synchronized (CUCUMBER) {
                LauncherFactory.create().execute(request(options, plugins(context)), failures);
            }
        } finally {
            AllurePlugin.unregister(context.id());
            Runs.end(context);
        }
        failures.throwIfAny(options.features());
        return context.outcomes();
    }

    private static LauncherDiscoveryRequest request(Options options, String plugins) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selector(options.features()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", GLUE)
                .configurationParameter("cucumber.object-factory", HcertObjectFactory.class.getName())
                .configurationParameter("cucumber.plugin", plugins)
                .configurationParameter("cucumber.filter.tags", options.tagExpression())
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.ansi-colors.disabled", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .build();
    }

    private static String plugins(CertificationContext context) {
        List<String> all = new ArrayList<>();
        all.add(VerdictCollector.class.getName() + ":" + context.id());
        context.allureLifecycle().ifPresent(l -> all.add(AllurePlugin.class.getName() + ":" + context.id()));
        return String.join(",", all);
    }

    private static DiscoverySelector selector(String features) {
        if (features.startsWith("classpath:")) {
            return selectPackage(features.substring("classpath:".length()).replace('/', '.'));
        }
        Path path = Path.of(features);
        if (Files.isDirectory(path)) {
            return selectDirectory(path.toFile());
        }
        if (Files.isRegularFile(path)) {
            return selectFile(path.toFile());
        }
        throw new FeatureRunException("%s: no such feature file or folder".formatted(features));
    }

    /** A container's failure for people: its message, or its kind and where it was thrown when it has none. */
    static String describe(Throwable t) {
        String message = t.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        StackTraceElement[] at = t.getStackTrace();
        return t.getClass().getName() + (at.length > 0 ? " at " + at[0] : "");
    }

    /** Collects failures of containers (features, the engine) as opposed to scenarios. */
    private static final class EngineFailures implements TestExecutionListener {
        private final List<String> problems = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                String why = result.getThrowable().map(FeatureRun::describe).orElse("unknown failure");
                problems.add(id.getDisplayName() + ": " + why);
            }
        }

        void throwIfAny(String features) {
            if (!problems.isEmpty()) {
                throw new FeatureRunException("features %s could not be run: %s".formatted(features, String.join("; ", problems)));
            }
        }
    }
}
