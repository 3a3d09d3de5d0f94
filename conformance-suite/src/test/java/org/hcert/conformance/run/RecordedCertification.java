package org.hcert.conformance.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.simulator.recording.Scenario;
import org.hcert.telemetry.Recordings;

/**
 * A recording certified in-process as {@code hcert certify --recording} does (plan, one pass, the
 * features, the clause verdicts), without writing a report: what the integration tests of the
 * clauses look at.
 *
 * @param plan the plan of the run
 * @param results every planned clause's result
 * @param overall the overall result
 * @param context the run's context (contradictions, topic problems)
 */
record RecordedCertification(Plan plan, List<ClauseResult> results, ClauseVerdicts.Overall overall,
        CertificationContext context) {

    /** The demo robot's profile and the bundled standard profile. */
    static final Path HC1 = Path.of("../profiles/robots/hc1-demo.yaml");
    static final Path HEIS = Path.of("../profiles/standards/heis-2026.yaml");
    static final RobotProfile HC1_PROFILE = ProfileLoader.loadRobot(HC1);
    static final StandardProfile HEIS_PROFILE = ProfileLoader.loadStandard(HEIS);

    /**
     * The clauses the ten-second bundled recordings ({@code samples/recordings/*.ndjson}) show: the
     * e-stop, its reset, the joint limits and the balance after the stop. The other clauses need
     * the longer {@code catalogue.mcap}, and are INCONCLUSIVE on those recordings.
     */
    static final StandardProfile TEN_SECOND_CLAUSES = only(HEIS_PROFILE, "SE-ESTOP-01", "SE-ESTOP-02", "LC-JNT-01", "SE-BAL-01");

    /** {@code standard} with only the clauses {@code ids}; fails when one of them is not in it. */
    static StandardProfile only(StandardProfile standard, String... ids) {
        List<String> wanted = List.of(ids);
        wanted.forEach(id -> standard.clause(id).orElseThrow(() -> new AssertionError("no clause " + id + " in " + standard.file())));
        return new StandardProfile(standard.file(), standard.id(), standard.title(), standard.edition(), standard.robotClasses(),
                standard.clauses().stream().filter(c -> wanted.contains(c.id())).toList());
    }

    /** Run {@code scenario} of HC-1, write it as NDJSON to {@code file}, and certify that as {@link #of(Path)} does. */
    static RecordedCertification of(Scenario scenario, Path file) throws java.io.IOException {
        scenario.writeNdjson(file);
        return of(file);
    }

    /** Certify {@code recording} of the demo robot against the bundled standard and features. */
    static RecordedCertification of(Path recording) {
        return of(HC1_PROFILE, recording);
    }

    /** Certify {@code recording} of {@code robot} against the bundled standard and features. */
    static RecordedCertification of(RobotProfile robot, Path recording) {
        return of(robot, HEIS_PROFILE, recording, FeatureRun.BUNDLED_FEATURES);
    }

    /** Certify {@code recording} of {@code robot} against {@code standard} with the features at {@code features}. */
    static RecordedCertification of(RobotProfile robot, StandardProfile standard, Path recording, String features) {
        Plan plan = Plan.of(robot, standard);
        CertificationContext context = new CertificationContext(robot, standard, plan, Recordings.open(recording));
        List<ScenarioOutcome> outcomes = FeatureRun.execute(context, new FeatureRun.Options(features, plan.tagExpression()));
        List<ClauseResult> results = ClauseVerdicts.of(plan, outcomes);
        return new RecordedCertification(plan, results, ClauseVerdicts.overall(plan, results), context);
    }

    /** Every clause's verdict by its ID. */
    Map<String, Verdict> verdicts() {
        return results.stream().collect(Collectors.toMap(ClauseResult::clauseId, ClauseResult::verdict));
    }

    /** The result of clause {@code id}; fails the test when the clause was not planned. */
    ClauseResult clause(String id) {
        return results.stream().filter(r -> r.clauseId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("clause " + id + " is not in the plan: " + verdicts().keySet()));
    }

    /** The verdict of clause {@code id}. */
    Verdict verdict(String id) {
        return clause(id).verdict();
    }

    /** The reason given for clause {@code id}'s verdict. */
    String reason(String id) {
        return clause(id).reason();
    }

    /** The first measurement of clause {@code id} whose quantity starts with {@code quantityPrefix}. */
    Measurement measurement(String id, String quantityPrefix) {
        return clause(id).measurements().stream().filter(m -> m.quantity().startsWith(quantityPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("clause %s has no measurement of %s…: %s"
                        .formatted(id, quantityPrefix, clause(id).measurements())));
    }
}
