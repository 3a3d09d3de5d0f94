package org.hcert.conformance.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(FeatureRun.class);

    /** Cucumber glue package: {@value}. */
    public static final String GLUE = "org.hcert.conformance.steps";

    /** The bundled features, inside the conformance-suite jar: {@value}. */
    public static final String BUNDLED_FEATURES = "classpath:features";

    /**
     * System property that turns the shared pass off when {@code false}: {@value}. By default
     * (unset or any other value) a run on a recording first rehearses the scenarios to learn what
     * each reads, then computes every metric in one pass over the recording (see
     * {@link org.hcert.conformance.pass.SharedPass}); off, each scenario reads the recording itself.
     */
    public static final String SHARED_PASS_PROPERTY = "hcert.shared-pass";

    private FeatureRun() {}

    /**
     * What to run.
     *
     * @param features {@code classpath:features}, or a feature file or folder on disk
     * @param tagExpression which scenarios to run; must not be blank
     * @param extraPlugins further Cucumber plugins, e.g. Allure's
     * @param sharedPass on a recording, compute every scenario's metric in one shared pass
     */
    public record Options(String features, String tagExpression, List<String> extraPlugins, boolean sharedPass) {
        public Options {
            Objects.requireNonNull(features, "features must not be null");
            if (tagExpression.isBlank()) {
                throw new IllegalArgumentException("tag expression must not be blank");
            }
            extraPlugins = List.copyOf(extraPlugins);
        }

        /** With the shared pass unless {@value #SHARED_PASS_PROPERTY} is {@code false}. */
        public Options(String features, String tagExpression, List<String> extraPlugins) {
            this(features, tagExpression, extraPlugins, !"false".equals(System.getProperty(SHARED_PASS_PROPERTY)));
        }
    }

    /**
     * Run the selected scenarios against {@code context}.
     *
     * @throws FeatureRunException when the features cannot be discovered or an engine fails
     */
    public static List<ScenarioOutcome> execute(CertificationContext context, Options options) {
        LOG.info("running features {} with tags {}", options.features(), options.tagExpression());
        LauncherDiscoveryRequest request = request(options, plugins(options));
        EngineFailures failures = new EngineFailures();
        CertificationContext.install(context);
        try {
            Launcher launcher = LauncherFactory.create();
            if (options.sharedPass() && context.liveSession().isEmpty()) {
                rehearse(launcher, context, options);
            }
            launcher.execute(request, failures);
        } finally {
            CertificationContext.uninstall();
        }
        failures.throwIfAny(options.features());
        return context.outcomes();
    }

    /**
     * Run the scenarios once without plugins so that each reading step registers its demand in the
     * context's shared pass and stops there; nothing else of this run counts. A rehearsal that
     * fails only leaves scenarios to read the recording on their own.
     */
    private static void rehearse(Launcher launcher, CertificationContext context, Options options) {
        context.rehearse(true);
        try {
            launcher.execute(request(options, null));
        } catch (RuntimeException e) {
            // The real run reports whatever made the features unrunnable.
        } finally {
            context.rehearse(false);
        }
    }

    private static LauncherDiscoveryRequest request(Options options, @Nullable String plugins) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selector(options.features()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", GLUE);
        if (plugins != null) {
            request.configurationParameter("cucumber.plugin", plugins);
        }
        return request
                .configurationParameter("cucumber.filter.tags", options.tagExpression())
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.ansi-colors.disabled", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                .build();
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
