package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.LimitExceededError;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.NotApplicableException;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

class JudgementTest {

    private static Measurement measured(double value) {
        return new Measurement("stop time", value, new Limit("stopTime", 600, "ms", Comparison.AT_MOST, "D", "decl"),
                TimeWindow.of(0, 1), "rec", "");
    }

    @Test
    void passesOnlyWithMeasurementsAllWithinLimit() {
        assertThat(Judgement.judge("PASSED", null, List.of(measured(350))).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aPassedScenarioWithoutMeasurementIsInconclusive() {
        Judgement.Result r = Judgement.judge("PASSED", null, List.of());
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason()).isEqualTo("scenario passed but recorded no measurement");
    }

    @Test
    void aPassedScenarioWithAMeasurementOutsideItsLimitIsInconclusiveNotPass() {
        assertThat(Judgement.judge("PASSED", null, List.of(measured(700))).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void failsOnlyOnLimitExceeded() {
        assertThat(Judgement.judge("FAILED", new LimitExceededError(measured(700)), List.of()).verdict())
                .isEqualTo(Verdict.FAIL);
        Judgement.Result other = Judgement.judge("FAILED", new AssertionError("boom"), List.of());
        assertThat(other.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(other.reason()).isEqualTo("harness error: boom");
    }

    @Test
    void missingEvidenceIsInconclusiveWithItsReason() {
        Judgement.Result r = Judgement.judge("FAILED", new InsufficientEvidenceException("no /safety/state"), List.of());
        assertThat(r).isEqualTo(new Judgement.Result(Verdict.INCONCLUSIVE, "no /safety/state"));
    }

    @Test
    void undefinedAmbiguousAndPendingStepsAreInconclusive() {
        assertThat(Judgement.judge("UNDEFINED", null, List.of(measured(1))).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Judgement.judge("AMBIGUOUS", null, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Judgement.judge("PENDING", null, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void skippedIsNotApplicableOnlyWhenTheStepSaidSo() {
        assertThat(Judgement.judge("SKIPPED", new NotApplicableException("no arms"), List.of()).verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(Judgement.judge("SKIPPED", null, List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
