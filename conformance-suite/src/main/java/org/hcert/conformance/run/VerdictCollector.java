package org.hcert.conformance.run;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestSourceRead;
import java.nio.charset.StandardCharsets;
import org.hcert.conformance.profile.ProfileLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cucumber plugin that judges every finished scenario into its run's
 * {@link CertificationContext}. Registered by {@link FeatureRun} as {@code VerdictCollector:RUN-ID};
 * Cucumber makes it with the ID.
 */
public final class VerdictCollector implements ConcurrentEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(VerdictCollector.class);

    private final CertificationContext context;

    public VerdictCollector(String runId) {
        this.context = Runs.byId(runId).orElseThrow(() -> new IllegalStateException("no certification run " + runId));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestSourceRead.class, this::sourceRead);
    }

    private void sourceRead(TestSourceRead event) {
        context.addFeature(event.getUri().toString(), ProfileLoader.sha256(event.getSource().getBytes(StandardCharsets.UTF_8)));
    }

    private void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        CertificationContext.ScenarioRecord found = context.found(testCase.getId().toString());
        Judgement.Result judged = Judgement.judge(result.getStatus().name(), result.getError(), found.measurements(),
                found.problems());
        String clauseId = testCase.getTags().stream()
                .map(t -> t.substring(1))
                .filter(t -> context.standard().clause(t).isPresent())
                .findFirst()
                .orElse("");
        String location = testCase.getUri() + ":" + testCase.getLocation().getLine();
        context.addOutcome(new ScenarioOutcome(clauseId, testCase.getName(), location, result.getStatus().name(),
                judged.verdict(), found.measurements(), judged.reason()));
        LOG.info("scenario {} ({}, {}): Cucumber {}, verdict {}: {}", testCase.getName(), clauseId, location,
                result.getStatus(), judged.verdict(), judged.reason());
        found.measurements().forEach(m -> LOG.info("  {}", m.describe()));
    }
}
