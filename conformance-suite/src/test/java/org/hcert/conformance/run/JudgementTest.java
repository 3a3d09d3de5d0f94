package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Bound;
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

    private static final Limit LIMIT = new Limit("stopTime", new Quantity(600, Unit.MILLISECOND), Comparison.AT_MOST, "D", "decl");

    private static Measurement measured(double value, Verdict verdict) {
        return new Measurement("stop time", "", value, Bound.EXACT, LIMIT, TimeWindow.of(0, 1), "rec", "", verdict,
                verdict == Verdict.INCONCLUSIVE ? "a gap of 80 ms" : "");
    }

    @Test
    void passesOnlyWithMeasurementsAllPassingAndNothingUnmeasured() {
        assertThat(Judgement.judge("PASSED", null, List.of(measured(350, Verdict.PASS)), List.of()).verdict())
                .isEqualTo(Verdict.PASS);
        assertThat(Judgement.judge("PASSED", null, List.of(measured(350, Verdict.PASS)), List.of("no value in window 2")))
                .isEqualTo(new Judgement.Result(Verdict.INCONCLUSIVE, "no value in window 2"));
    }

    @Test
    void aPassedScenarioWithoutMeasurementIsInconclusive() {
        Judgement.Result r = Judgement.judge("PASSED", null, List.of(), List.of());
        assertThat(r).isEqualTo(new Judgement.Result(Verdict.INCONCLUSIVE, "scenario passed but recorded no measurement"));
    }

    @Test
    void aFailingMeasurementFailsTheScenarioWhateverElseWentWrong() {
        Measurement fail = measured(700, Verdict.FAIL);
        assertThat(Judgement.judge("FAILED", new LimitExceededError(fail), List.of(measured(300, Verdict.PASS), fail), List.of())
                .verdict()).isEqualTo(Verdict.FAIL);
        assertThat(Judgement.judge("FAILED", new IllegalStateException("boom"), List.of(fail), List.of("a gap")).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(Judgement.judge("PASSED", null, List.of(fail), List.of()).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void namesTheWorstFailureFirst() {
        Judgement.Result r = Judgement.judge("FAILED", null,
                List.of(measured(700, Verdict.FAIL), measured(1100, Verdict.FAIL), measured(300, Verdict.PASS)), List.of());
        assertThat(r.reason()).startsWith("stop time: measured 1100 ms").endsWith("(worst of 2 failing measurements)");
    }

    @Test
    void aHarnessErrorIsInconclusiveUnlessAFailureWasProven() {
        Judgement.Result other = Judgement.judge("FAILED", new IllegalStateException("boom"), List.of(measured(300, Verdict.PASS)), List.of());
        assertThat(other).isEqualTo(new Judgement.Result(Verdict.INCONCLUSIVE, "harness error: boom"));
    }

    @Test
    void missingEvidenceIsInconclusiveWithItsReasons() {
        Judgement.Result r = Judgement.judge("FAILED", new InsufficientEvidenceException("no /safety/state"),
                List.of(measured(300, Verdict.INCONCLUSIVE)), List.of("no /safety/state"));
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.reason()).startsWith("no /safety/state; stop time: measured 300 ms").endsWith("INCONCLUSIVE: a gap of 80 ms");
    }

    @Test
    void undefinedAmbiguousAndPendingStepsAreInconclusive() {
        assertThat(Judgement.judge("UNDEFINED", null, List.of(measured(1, Verdict.PASS)), List.of()).verdict())
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Judgement.judge("AMBIGUOUS", null, List.of(), List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Judgement.judge("PENDING", null, List.of(), List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void skippedIsNotApplicableOnlyWhenTheStepSaidSo() {
        assertThat(Judgement.judge("SKIPPED", new NotApplicableException("no arms"), List.of(), List.of()).verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(Judgement.judge("SKIPPED", null, List.of(), List.of()).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }
}
