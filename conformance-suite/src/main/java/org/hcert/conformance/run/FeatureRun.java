package org.hcert.conformance.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
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

    /** Cucumber glue package: {@value}. */
    public static final String GLUE = "org.hcert.conformance.steps";

    /** The bundled features, inside the conformance-suite jar: {@value}. */
    public static final String BUNDLED_FEATURES = "classpath:features";

    private FeatureRun() {}

    /**
     * What to run.
     *
     * @param features {@code classpath:features}, or a feature file or folder on disk
     * @param tagExpression which scenarios to run; must not be blank
     * @param extraPlugins further Cucumber plugins, e.g. Allure's
     */
    public record Options(String features, String tagExpression, List<String> extraPlugins) {
        public Options {
            Objects.requireNonNull(features, "features must not be null");
            if (tagExpression.isBlank()) {
                throw new IllegalArgumentException("tag expression must not be blank");
            }
            extraPlugins = List.copyOf(extraPlugins);
        }
    }

    /**
     * Run the selected scenarios against {@code context}.
     *
     * @throws FeatureRunException when the features cannot be discovered or an engine fails
     */
    public static List<ScenarioOutcome> execute(CertificationContext context, Options options) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector(options.features()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", GLUE)
                .configurationParameter("cucumber.plugin", plugins(options))
                .configurationParameter("cucumber.filter.tags", options.tagExpression())
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.ansi-colors.disabled", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .build();
        EngineFailures failures = new EngineFailures();
        CertificationContext.install(context);
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request, failures);
        } finally {
            CertificationContext.uninstall();
        }
        failures.throwIfAny(options.features());
        return context.outcomes();
    }

    private static String plugins(Options options) {
        List<String> all = new ArrayList<>();
        all.add(VerdictCollector.class.getName());
        all.addAll(options.extraPlugins());
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

    /** Collects failures of containers (features, the engine) as opposed to scenarios. */
    private static final class EngineFailures implements TestExecutionListener {
        private final List<String> problems = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                String why = result.getThrowable().map(Throwable::getMessage).orElse("unknown failure");
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
