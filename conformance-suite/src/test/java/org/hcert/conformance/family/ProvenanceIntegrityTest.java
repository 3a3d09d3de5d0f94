package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.family.FamilyFixture.joints;
import static org.hcert.conformance.family.ProvenanceFixture.APPROVED;
import static org.hcert.conformance.family.ProvenanceFixture.LOADED;
import static org.hcert.conformance.family.ProvenanceFixture.OTHER;
import static org.hcert.conformance.family.ProvenanceFixture.RECORD;
import static org.hcert.conformance.family.ProvenanceFixture.event;
import static org.hcert.conformance.family.ProvenanceFixture.gaps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The provenance family's model-integrity check (AI-OTA-01): only signed, approved models load; the running model's hash is reported. */
class ProvenanceIntegrityTest {

    private static final ProvenanceFixture OTA = ProvenanceFixture.of("model-integrity",
            new Limit("signatureVerified", new Quantity(1, Unit.RATIO), Comparison.AT_LEAST, "C", "heis-2026.yaml"),
            new Limit("modelHashMismatch", new Quantity(0, Unit.RATIO), Comparison.AT_MOST, "I", "heis-2026.yaml"));

    /** The robot standing, then a joint moving from 500 ms. */
    private static List<Sample> run(Sample... events) {
        List<Sample> out = new ArrayList<>(List.of(events));
        for (int t = 0; t <= 1000; t += 5) {
            out.add(joints(t, 0, t >= 500 ? 0.5 : 0.001));
        }
        return out;
    }

    @Test
    void aSignedApprovedModelWhoseHashIsReportedPasses() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED), event(0, "provenance", RECORD)));
        assertThat(e.problems()).isEmpty();
        assertThat(OTA.verdicts(e, "signatureVerified")).containsExactly(Verdict.PASS);
        assertThat(OTA.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(e.readings("modelHashMismatch")).extracting(r -> r.subject())
                .containsExactly("model loaded at 2026-03-01T08:00:00Z", "running model reported at 2026-03-01T08:00:00Z");
    }

    @ParameterizedTest(name = "signature={0}: {1}")
    @CsvSource({"verified, PASS", "unverified, FAIL", "invalid, FAIL", "absent, FAIL", "maybe, INCONCLUSIVE"})
    void onlyAVerifiedSignaturePasses(String said, Verdict expected) {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED.replace("signature=verified", "signature=" + said)),
                event(0, "provenance", RECORD)));
        assertThat(OTA.verdicts(e, "signatureVerified")).containsExactly(expected);
    }

    @Test
    void aLoadThatDoesNotSayWhetherItsSignatureWasVerifiedIsMissingEvidence() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED.replace("; signature=verified", "")),
                event(0, "provenance", RECORD)));
        assertThat(OTA.verdicts(e, "signatureVerified")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(gaps(e, "signatureVerified")).containsExactly("the model_loaded event at 2026-03-01T08:00:00Z on /events does not give signature");
    }

    @Test
    void aModelWhoseHashIsNotTheApprovedOneFails() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED.replace(APPROVED, OTHER)),
                event(0, "provenance", RECORD.replace(APPROVED, OTHER))));
        assertThat(OTA.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.FAIL, Verdict.FAIL);
        assertThat(OTA.judged(e, "modelHashMismatch").get(1).detail()).isEqualTo("the provenance event at 2026-03-01T08:00:00Z on /events "
                + "gives model_sha256=" + OTHER + " for model policy 2.0; declaration.models[0] approves " + APPROVED);
    }

    @Test
    void aModelThatIsNotApprovedAtAllFails() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED.replace("model_version=2.0", "model_version=2.1")),
                event(0, "provenance", RECORD.replace("model_version=2.0", "model_version=2.1"))));
        assertThat(OTA.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.FAIL, Verdict.FAIL);
        assertThat(OTA.judged(e, "modelHashMismatch").get(0).detail()).contains("names model policy 2.1, which is not among the approved models policy 2.0");
    }

    @Test
    void withoutApprovedModelsInTheDeclarationTheHashCannotBeJudged() {
        ProvenanceFixture none = OTA.with(RobotDeclaration.NONE);
        ClauseEvidence e = none.evaluate(run(event(0, "model_loaded", LOADED), event(0, "provenance", RECORD)));
        assertThat(none.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(gaps(e, "modelHashMismatch")).containsOnly(
                "declaration.models (the approved models with their SHA-256) is not given in robot profile robot.yaml");
    }

    @Test
    void withoutALoadOrAReportTheRunDoesNotSay() {
        ClauseEvidence noLoad = OTA.evaluate(run(event(0, "provenance", RECORD)));
        assertThat(noLoad.problems()).containsExactly("no model_loaded event on /events: whether the running model's signature was verified "
                + "when it loaded is not reported (hcert reads events of kind model_loaded whose detail gives model_id, model_version, "
                + "sha256 and signature)");
        ClauseEvidence noReport = OTA.evaluate(run(event(0, "model_loaded", LOADED)));
        assertThat(noReport.problems()).containsExactly("no provenance event on /events: the hash of the running model is not reported "
                + "(hcert reads model_sha256 of events of kind provenance)");
        ClauseEvidence noHash = OTA.evaluate(run(event(0, "model_loaded", LOADED),
                event(0, "provenance", RECORD.replace("model_sha256=" + APPROVED + "; ", ""))));
        assertThat(gaps(noHash, "modelHashMismatch")).containsExactly(
                "the provenance event at 2026-03-01T08:00:00Z on /events does not give model_sha256");
    }

    @Test
    void aRunningModelThatIsNotTheOneLoadedLastIsNotTakenOnTrust() {
        RobotDeclaration two = new RobotDeclaration(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(new RobotDeclaration.ApprovedModel("policy", "2.0", APPROVED, "declaration.models[0]"),
                        new RobotDeclaration.ApprovedModel("policy", "2.1", OTHER, "declaration.models[1]")), Map.of());
        ProvenanceFixture both = OTA.with(two);
        ClauseEvidence e = both.evaluate(run(event(0, "model_loaded", LOADED),
                event(0, "provenance", RECORD.replace("model_version=2.0", "model_version=2.1").replace(APPROVED, OTHER))));
        assertThat(both.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.PASS, Verdict.INCONCLUSIVE);
        assertThat(gaps(e, "modelHashMismatch")).containsExactly("the provenance event at 2026-03-01T08:00:00Z on /events reports "
                + "model_sha256=" + OTHER + ", but the model loaded last (the model_loaded event at 2026-03-01T08:00:00Z on /events) has "
                + "sha256=" + APPROVED);
    }

    @Test
    void aModelLoadedOnlyAfterTheRobotMovedLeavesWhatMovedItUnknown() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "provenance", RECORD), event(700, "model_loaded", LOADED)));
        assertThat(OTA.verdicts(e, "signatureVerified")).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(gaps(e, "signatureVerified").get(0)).startsWith("the robot moved at 2026-03-01T08:00:00.500Z (joint a at 0.5 rad/s), "
                + "before the first model_loaded event");
    }

    @Test
    void aSecondReportOfAnotherHashWithNoLoadBetweenIsNotJudged() {
        ClauseEvidence e = OTA.evaluate(run(event(0, "model_loaded", LOADED), event(0, "provenance", RECORD),
                event(300, "provenance", RECORD.replace(APPROVED, OTHER))));
        assertThat(OTA.verdicts(e, "modelHashMismatch")).containsExactly(Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0)).contains("says model_sha256=" + OTHER);
    }
}
