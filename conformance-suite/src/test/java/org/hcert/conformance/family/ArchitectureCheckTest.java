package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.DeclarationFixture.architecture;

import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SE-FS-02: DC in the band of its declared level, MTTF_D 3 to 100 years per channel, CCF at least 65, at every edge. */
class ArchitectureCheckTest {

    private static final DeclarationFixture FS02 = DeclarationFixture.fs02();

    @ParameterizedTest(name = "DC {0} at {1} %: {2}")
    @CsvSource({
        "none, 0, PASS", "none, 59.99, PASS", "none, 60, FAIL",
        "low, 60, PASS", "low, 89.99, PASS", "low, 90, FAIL", "low, 59.99, FAIL",
        "medium, 90, PASS", "medium, 98.99, PASS", "medium, 99, FAIL", "medium, 89.99, FAIL",
        "high, 99, PASS", "high, 100, PASS", "high, 98.99, FAIL"})
    void theDcValueLiesInTheBandOfItsDeclaredLevel(String level, double dc, Verdict expected) {
        ClauseEvidence e = FS02.withFunctions(architecture("3", level, dc, 70, 30, 30)).evaluate();
        java.util.List<Verdict> dcVerdicts = new java.util.ArrayList<>();
        for (String edge : java.util.List.of("dcLow", "dcMedium", "dcHigh")) {
            dcVerdicts.addAll(FS02.verdicts(e, edge));
        }
        assertThat(dcVerdicts).hasSize(level.equals("none") || level.equals("high") ? 1 : 2);
        assertThat(dcVerdicts.contains(Verdict.FAIL) ? Verdict.FAIL : Verdict.PASS).isEqualTo(expected);
    }

    @Test
    void aBandEndsBelowTheNextLevelsLowerEdge() {
        Measurement upper = FS02.judged(FS02.withFunctions(architecture("3", "medium", 99, 70, 30)).evaluate(), "dcHigh").get(0);
        assertThat(upper.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(upper.headline()).isEqualTo("dcHigh (protective-stop): 99 % (limit < 99 %, C) OUTSIDE LIMIT");
        assertThat(upper.limit().source()).endsWith("the lower edge of DC high as the upper edge of DC medium");
        assertThat(upper.detail()).contains("declared DC level medium: 90 % ≤ DC < 99 %");
    }

    @ParameterizedTest(name = "MTTF_D {0} years: {1}, {2}")
    @CsvSource({"3, PASS, PASS", "100, PASS, PASS", "30, PASS, PASS", "2.99, FAIL, PASS", "100.01, PASS, FAIL"})
    void eachChannelsMttfdLiesBetween3And100Years(double years, Verdict min, Verdict max) {
        ClauseEvidence e = FS02.withFunctions(architecture("3", "medium", 95, 70, 50, years)).evaluate();
        assertThat(FS02.verdicts(e, "mttfdMin")).containsExactly(Verdict.PASS, min);
        assertThat(FS02.verdicts(e, "mttfdMax")).containsExactly(Verdict.PASS, max);
        assertThat(e.readings("mttfdMin")).extracting(r -> r.subject()).containsExactly("protective-stop channel 1", "protective-stop channel 2");
    }

    @ParameterizedTest(name = "category {0}, CCF {1}: {2}")
    @CsvSource({"3, 65, PASS", "3, 64.9, FAIL", "2, 100, PASS", "4, 0, FAIL", "'', 70, PASS", "'', 64, INCONCLUSIVE"})
    void theCcfScoreReaches65ForCategories2To4(String category, double ccf, Verdict expected) {
        ClauseEvidence e = FS02.withFunctions(architecture(category, "medium", 95, ccf, 30)).evaluate();
        assertThat(FS02.verdicts(e, "ccfScore")).containsExactly(expected);
    }

    @Test
    void categoriesBAnd1AreNotJudgedOnCcf() {
        for (String category : new String[] {"B", "1"}) {
            ClauseEvidence e = FS02.withFunctions(architecture(category, "none", 0, 10, 30)).evaluate();
            assertThat(e.readings("ccfScore")).isEmpty();
            assertThat(FS02.allVerdicts(e)).containsOnly(Verdict.PASS);
        }
    }

    @Test
    void aCcfBelowTheLimitWithoutACategoryNamesTheMissingCategory() {
        ClauseEvidence e = FS02.withFunctions(architecture("", "medium", 95, 50, 30)).evaluate();
        assertThat(e.readings("ccfScore").get(0).gaps()).containsExactly("the CCF score is below 65 count, which ISO 13849-1 asks of "
                + "categories 2, 3 and 4 only, and declaration.safetyFunctions[1].category (the category of protective-stop) is not given "
                + "in robot profile robot.yaml");
    }

    @Test
    void missingParametersAreMissingEvidenceNamingEachField() {
        ClauseEvidence e = FS02.withFunctions(architecture("3", "", Double.NaN, Double.NaN)).evaluate();
        assertThat(FS02.allVerdicts(e)).containsOnly(Verdict.INCONCLUSIVE).hasSize(3);
        assertThat(e.readings().values().stream().flatMap(java.util.List::stream).flatMap(r -> r.gaps().stream()).toList())
                .containsExactly(
                        "declaration.safetyFunctions[1].dcLevel (the DC level of protective-stop) is not given in robot profile robot.yaml",
                        "declaration.safetyFunctions[1].mttfd (the MTTF_D of each channel of protective-stop) is not given in robot profile robot.yaml",
                        "declaration.safetyFunctions[1].ccf (the CCF score of protective-stop) is not given in robot profile robot.yaml");
        ClauseEvidence noDc = FS02.withFunctions(architecture("3", "low", Double.NaN, 70, 30)).evaluate();
        assertThat(FS02.verdicts(noDc, "dcLow")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(noDc.readings("dcLow").get(0).gaps().get(0)).startsWith("declaration.safetyFunctions[1].dc (the DC value of protective-stop)");
    }
}
