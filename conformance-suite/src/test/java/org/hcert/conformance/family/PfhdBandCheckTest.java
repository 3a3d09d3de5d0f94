package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.DeclarationFixture.function;

import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SE-FS-01: each safety function's PL reaches its PLr, and its PFH_D lies in the band of its PL, at every edge. */
class PfhdBandCheckTest {

    private static final DeclarationFixture FS01 = DeclarationFixture.fs01();

    /** The PFH_D readings of one speed-limit function of level {@code pl}: upper edge, then lower edge. */
    private static ClauseEvidence band(String pl, double pfhd) {
        return FS01.withFunctions(function("speed-limit", pl, "", pfhd)).evaluate();
    }

    @ParameterizedTest(name = "PL {0}, PFH_D {1} 1/h: upper edge {2}, lower edge {3}")
    @CsvSource({
        // every band's lower edge belongs to it, its upper edge to the next level down
        "a, 1e-5, PASS, PASS", "a, 9.999e-5, PASS, PASS", "a, 1e-4, FAIL, PASS", "a, 9.99e-6, PASS, FAIL",
        "b, 3e-6, PASS, PASS", "b, 1e-5, FAIL, PASS", "b, 2.99e-6, PASS, FAIL",
        "c, 1e-6, PASS, PASS", "c, 3e-6, FAIL, PASS", "c, 9.99e-7, PASS, FAIL",
        "d, 1e-7, PASS, PASS", "d, 5e-7, PASS, PASS", "d, 1e-6, FAIL, PASS", "d, 9.99e-8, PASS, FAIL",
        "e, 1e-8, PASS, PASS", "e, 1e-7, FAIL, PASS", "e, 9.99e-9, PASS, FAIL"})
    void thePfhdLiesInTheBandOfTheDeclaredLevel(String pl, double pfhd, Verdict upper, Verdict lower) {
        ClauseEvidence e = band(pl, pfhd);
        String upperName = "pfhdPl" + pl.toUpperCase(java.util.Locale.ROOT);
        String lowerName = switch (pl) {
            case "a" -> "pfhdPlB";
            case "b" -> "pfhdPlC";
            case "c" -> "pfhdPlD";
            case "d" -> "pfhdPlE";
            default -> "pfhdFloor";
        };
        assertThat(FS01.verdicts(e, upperName)).containsExactly(upper);
        assertThat(FS01.verdicts(e, lowerName)).containsExactly(lower);
        assertThat(e.readings().keySet()).containsExactlyInAnyOrder("requiredPl", upperName, lowerName);
    }

    @Test
    void theLowerEdgeIsTheNextLevelsUpperEdgeUsedTheOtherWayRound() {
        Measurement lower = FS01.judged(band("d", 5e-7), "pfhdPlE").get(0);
        assertThat(lower.headline()).isEqualTo("pfhdPlE (speed-limit): 0.0000005 1/h (limit ≥ 0.0000001 1/h, C)");
        assertThat(lower.limit().source()).endsWith("the upper edge of PL e's band as the lower edge of PL d's");
        Measurement upper = FS01.judged(band("d", 1e-6), "pfhdPlD").get(0);
        assertThat(upper.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(upper.describe()).contains("limit < 0.000001 1/h, outside by 0 1/h")
                .contains("the band of its PL d: 0.0000001 1/h ≤ PFH_D < 0.000001 1/h");
    }

    @Test
    void aFunctionsOwnHigherPlrRaisesTheLevelItMustReach() {
        ClauseEvidence e = FS01.withFunctions(function("speed-limit", "d", "e", 5e-7)).evaluate();
        Measurement m = FS01.judged(e, "requiredPl").get(0);
        assertThat(m.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(m.limit().evidence()).isEqualTo("D");
        assertThat(m.limit().quantity().toString()).isEqualTo("PL e");
        assertThat(m.limit().source()).startsWith("robot declaration declaration.safetyFunctions[0].plr in robot.yaml (above the standard's PL d)");
    }

    @Test
    void aLowerDeclaredPlrDoesNotLowerTheStandardsLevel() {
        ClauseEvidence e = FS01.withFunctions(function("emergency-stop", "b", "b", 5e-6)).evaluate();
        Measurement m = FS01.judged(e, "requiredPl").get(0);
        assertThat(m.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(m.limit().name()).isEqualTo("requiredPlEmergencyStop");
        assertThat(m.detail()).contains("declared PLr b");
    }

    @Test
    void everyDeclaredFunctionIsJudgedWithItsOwnLevels() {
        ClauseEvidence e = FS01.withFunctions(function("emergency-stop", "c", "c", 2e-6), function("reset", "b", "", 5e-6),
                function("protective-stop", "d", "d", 5e-7)).evaluate();
        assertThat(FS01.allVerdicts(e)).containsOnly(Verdict.PASS).hasSize(9);
    }

    @Test
    void aMissingPfhdIsMissingEvidenceNamingTheField() {
        ClauseEvidence e = band("d", Double.NaN);
        assertThat(FS01.verdicts(e, "pfhdPlD")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(e.readings("pfhdPlD").get(0).gaps()).containsExactly(
                "declaration.safetyFunctions[0].pfhd (the PFH_D of speed-limit) is not given in robot profile robot.yaml");
        assertThat(FS01.verdicts(e, "requiredPl")).containsExactly(Verdict.PASS);
    }

    @Test
    void aMissingLevelLeavesTheBandUnknown() {
        ClauseEvidence e = FS01.withFunctions(function("speed-limit", "", "", 5e-7)).evaluate();
        assertThat(e.readings().keySet()).containsExactly("requiredPl");
        assertThat(FS01.verdicts(e, "requiredPl")).containsExactly(Verdict.INCONCLUSIVE);
    }

    @Test
    void aClauseWithoutABandsLimitSaysSo() {
        DeclarationFixture without = new DeclarationFixture(FS01.options(), java.util.Map.of("requiredPl",
                DeclarationFixture.pl("requiredPl", "d", "C")), FS01.declaration(), 20);
        ClauseEvidence e = without.withFunctions(function("speed-limit", "d", "", 5e-7)).evaluate();
        assertThat(e.problems()).contains("clause TEST-DECL-01 gives no limit pfhdPlD, which the declaration check pl-and-pfhd needs");
    }
}
