package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.ClauseResult;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

class ClauseVerdictsTest {

    private static final RobotProfile HC1 = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile HEIS = ProfileLoader.loadStandard(Path.of("../profiles/standards/heis-2026.yaml"));
    private static final Plan PLAN = Plan.of(HC1, HEIS);

    private static ScenarioOutcome outcome(String clause, Verdict verdict) {
        return new ScenarioOutcome(clause, "s", "f.feature:1", "X", verdict, List.of(), verdict + " because");
    }

    private static ClauseVerdicts.Overall overall(ScenarioOutcome... outcomes) {
        List<ClauseResult> results = ClauseVerdicts.of(PLAN, List.of(outcomes));
        return ClauseVerdicts.overall(PLAN, results);
    }

    /** A passing outcome for every clause {@code plan} finds applicable but {@code except}. */
    private static List<ScenarioOutcome> passing(Plan plan, String... except) {
        return plan.applicable().stream().map(p -> p.clause().id()).filter(id -> !List.of(except).contains(id))
                .map(id -> outcome(id, Verdict.PASS)).toList();
    }

    @Test
    void conformantOnlyWhenEveryApplicableMandatoryClausePasses() {
        assertThat(ClauseVerdicts.overall(PLAN, ClauseVerdicts.of(PLAN, passing(PLAN))))
                .isEqualTo(ClauseVerdicts.Overall.CONFORMANT);
        // CM-LOC-01 and CM-LOC-02 are recommended: without their scenarios the run is still conformant.
        assertThat(ClauseVerdicts.overall(PLAN, ClauseVerdicts.of(PLAN, passing(PLAN, "CM-LOC-01", "CM-LOC-02"))))
                .isEqualTo(ClauseVerdicts.Overall.CONFORMANT);
        assertThat(ClauseVerdicts.overall(PLAN, ClauseVerdicts.of(PLAN, passing(PLAN, "SE-BAL-01"))))
                .isEqualTo(ClauseVerdicts.Overall.INCOMPLETE);
    }

    @Test
    void anyFailIsNonConformantEvenWithInconclusiveClauses() {
        assertThat(overall(outcome("SE-ESTOP-01", Verdict.INCONCLUSIVE), outcome("LC-JNT-01", Verdict.FAIL),
                outcome("SE-BAL-01", Verdict.PASS))).isEqualTo(ClauseVerdicts.Overall.NON_CONFORMANT);
    }

    @Test
    void aClauseWithoutScenarioMakesTheRunIncomplete() {
        List<ClauseResult> results = ClauseVerdicts.of(PLAN, List.of(outcome("SE-ESTOP-01", Verdict.PASS),
                outcome("SE-ESTOP-02", Verdict.PASS), outcome("LC-JNT-01", Verdict.PASS)));
        assertThat(results.get(3).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(results.get(3).reason()).isEqualTo("no scenario in the features is tagged @SE-BAL-01");
        assertThat(ClauseVerdicts.overall(PLAN, results)).isEqualTo(ClauseVerdicts.Overall.INCOMPLETE);
    }

    @Test
    void notApplicableClausesDoNotBlockConformance() {
        RobotProfile wheeled = new RobotProfile(HC1.file(), HC1.identity(), "wheeled-humanoid",
                Set.of("emergency-stop"), HC1.declared(), HC1.declaredLines(), HC1.joints(), HC1.topics(), 8, 0);
        Plan plan = Plan.of(wheeled, HEIS);
        List<ClauseResult> results = ClauseVerdicts.of(plan, passing(plan));
        assertThat(results.get(3).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(ClauseVerdicts.overall(plan, results)).isEqualTo(ClauseVerdicts.Overall.CONFORMANT);
    }

    @Test
    void combinesSeveralScenariosOfOneClause() {
        List<ClauseResult> results = ClauseVerdicts.of(PLAN, List.of(outcome("SE-ESTOP-01", Verdict.PASS),
                outcome("SE-ESTOP-01", Verdict.INCONCLUSIVE)));
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(results.get(0).reason()).isEqualTo("s: PASS (PASS because); s: INCONCLUSIVE (INCONCLUSIVE because)");
    }
}
