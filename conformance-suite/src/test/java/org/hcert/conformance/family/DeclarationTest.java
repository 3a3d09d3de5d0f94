package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.DeclarationFixture.function;
import static org.hcert.conformance.family.DeclarationFixture.pl;

import java.util.List;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The declaration family's check of performance levels (SE-ESTOP-06) and what every check shares. */
class DeclarationTest {

    /** SE-ESTOP-06: the e-stop's declared PL at least c (C2). */
    private static final DeclarationFixture ESTOP_PL = DeclarationFixture.of("performance-level", "emergency-stop",
            pl("requiredPl", "c", "C2"));

    @ParameterizedTest
    @CsvSource({"a, FAIL", "b, FAIL", "c, PASS", "d, PASS", "e, PASS"})
    void theEstopsDeclaredLevelIsComparedWithCAsAnOrder(String level, Verdict expected) {
        ClauseEvidence e = ESTOP_PL.withFunctions(function("emergency-stop", level)).evaluate();
        assertThat(ESTOP_PL.verdicts(e, "requiredPl")).containsExactly(expected);
        assertThat(ESTOP_PL.judged(e, "requiredPl").get(0).headline()).startsWith("requiredPl (emergency-stop): PL " + level + " (limit ≥ PL c, C2)");
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void aFailedLevelSaysByHowManyLevels() {
        ClauseEvidence e = ESTOP_PL.withFunctions(function("emergency-stop", "a")).evaluate();
        assertThat(ESTOP_PL.judged(e, "requiredPl").get(0).describe()).contains("measured PL a, limit ≥ PL c, outside by 2 level(s)");
    }

    @Test
    void onlyTheChosenFunctionIsRead() {
        ClauseEvidence e = ESTOP_PL.withFunctions(function("reset", "a"), function("emergency-stop", "d")).evaluate();
        assertThat(e.readings("requiredPl")).extracting(r -> r.subject()).containsExactly("emergency-stop");
    }

    @Test
    void aDeclarationWithoutTheEstopIsMissingEvidence() {
        ClauseEvidence e = ESTOP_PL.withFunctions(function("reset", "c")).evaluate();
        assertThat(e.readings("requiredPl")).isEmpty();
        assertThat(e.problems()).containsExactly(
                "declaration.safetyFunctions of robot profile robot.yaml lists no safety function named emergency-stop (it lists reset)");
    }

    @Test
    void anEstopWithoutADeclaredLevelIsMissingEvidenceNamingTheField() {
        ClauseEvidence e = ESTOP_PL.withFunctions(new RobotDeclaration.SafetyFunction("emergency-stop", "declaration.safetyFunctions[0]",
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), List.of(), java.util.Optional.empty())).evaluate();
        assertThat(ESTOP_PL.verdicts(e, "requiredPl")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(e.readings("requiredPl").get(0).gaps()).containsExactly(
                "declaration.safetyFunctions[0].pl (the declared performance level of emergency-stop) is not given in robot profile robot.yaml");
    }

    @Test
    void aRobotProfileWithoutADeclarationHasNothingToCheck() {
        ClauseEvidence e = ESTOP_PL.with(RobotDeclaration.NONE).evaluate();
        assertThat(e.readings()).isEmpty();
        assertThat(e.problems()).containsExactly("robot profile robot.yaml has no declaration section (declaration:), so there is nothing to check");
    }

    @Test
    void aFunctionsOwnLimitTakesPrecedenceOverTheGeneralOne() {
        DeclarationFixture all = DeclarationFixture.of("performance-level", "all", pl("requiredPl", "d", "C"),
                pl("requiredPlEmergencyStop", "c", "C"), pl("requiredPlReset", "b", "C"));
        ClauseEvidence e = all.withFunctions(function("emergency-stop", "c"), function("reset", "b"), function("speed-limit", "c")).evaluate();
        assertThat(all.verdicts(e, "requiredPl")).containsExactly(Verdict.PASS, Verdict.PASS, Verdict.FAIL);
        assertThat(all.judged(e, "requiredPl")).extracting(m -> m.limit().name())
                .containsExactly("requiredPlEmergencyStop", "requiredPlReset", "requiredPl");
    }

    @Test
    void allFunctionsOfAnEmptyListIsMissingEvidence() {
        DeclarationFixture all = DeclarationFixture.of("performance-level", "all", pl("requiredPl", "d", "C"));
        ClauseEvidence e = all.evaluate();
        assertThat(e.problems()).containsExactly("declaration.safetyFunctions (the safety functions with their performance levels) "
                + "is not given in robot profile robot.yaml");
    }

    @Test
    void theFixturesHaveTheLimitsOfTheBundledStandardProfile() {
        org.hcert.conformance.profile.StandardProfile heis = org.hcert.conformance.profile.ProfileLoader.loadStandard(
                java.nio.file.Path.of("../profiles/standards/heis-2026.yaml"));
        java.util.Map<String, DeclarationFixture> fixtures = java.util.Map.of("SE-ESTOP-06", ESTOP_PL, "SE-FS-01", DeclarationFixture.fs01(),
                "SE-FS-02", DeclarationFixture.fs02(), "SE-CLS-01", DeclarationFixture.cls01());
        fixtures.forEach((id, fixture) -> {
            org.hcert.conformance.profile.Clause clause = heis.clause(id).orElseThrow();
            assertThat(clause.limits().keySet()).as(id).containsExactlyInAnyOrderElementsOf(fixture.limits().keySet());
            fixture.limits().forEach((name, limit) -> {
                org.hcert.conformance.profile.LimitSpec spec = clause.limits().get(name);
                assertThat(spec.value().orElseThrow().si()).as(id + " " + name).isEqualTo(limit.valueSi(), org.assertj.core.api.Assertions.within(1e-15));
                assertThat(spec.comparison()).as(id + " " + name).isEqualTo(limit.comparison());
                assertThat(spec.evidence()).as(id + " " + name).isEqualTo(limit.evidence());
            });
            assertThat(clause.options().get("check")).as(id).isEqualTo(fixture.options().get("check"));
        });
    }
}
