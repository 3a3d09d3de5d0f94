package org.hcert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;

/** The one evidence policy: what a reading proves against a limit. */
class EvidencePolicyTest {

    private static final Limit AT_MOST_600_MS = new Limit("stopTime", new Quantity(600, Unit.MILLISECOND), Comparison.AT_MOST, "D", "decl");
    private static final Limit AT_LEAST_30_PERCENT = new Limit("pelvisHeightRatio", new Quantity(30, Unit.PERCENT), Comparison.AT_LEAST, "I", "p");
    private static final TimeWindow W = TimeWindow.of(0, 3_000_000_000L);

    private static Reading reading(double valueSi, Bound bound, String... gaps) {
        return new Reading("", W, OptionalDouble.of(valueSi), bound, List.of(gaps), "");
    }

    private static Verdict verdict(Reading r, Limit l) {
        return EvidencePolicy.judge("q", r, l, "src").orElseThrow().verdict();
    }

    @Test
    void anExactValueWithinTheLimitPassesOnlyWithCompleteEvidence() {
        assertThat(verdict(reading(0.45, Bound.EXACT), AT_MOST_600_MS)).isEqualTo(Verdict.PASS);
        Measurement m = EvidencePolicy.judge("stop time", reading(0.45, Bound.EXACT, "left_knee samples have a gap of 80 ms"),
                AT_MOST_600_MS, "src").orElseThrow();
        assertThat(m.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(m.note()).isEqualTo("left_knee samples have a gap of 80 ms");
        assertThat(m.measured()).isEqualTo(450);
    }

    @Test
    void aValueSeenOutsideTheLimitFailsDespiteGapsElsewhere() {
        assertThat(verdict(reading(1.1, Bound.EXACT, "a gap of 80 ms"), AT_MOST_600_MS)).isEqualTo(Verdict.FAIL);
        assertThat(verdict(reading(0.2, Bound.EXACT, "a gap"), AT_LEAST_30_PERCENT)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aBoundDecidesOnlyOnItsOwnSide() {
        // Still moving when a 3 s window ended: the stop took at least 3 s > 600 ms: FAIL.
        assertThat(verdict(reading(3.0, Bound.AT_LEAST), AT_MOST_600_MS)).isEqualTo(Verdict.FAIL);
        // A window cut after 0.3 s with the robot still moving: at least 300 ms tells nothing about ≤ 600 ms.
        Measurement m = EvidencePolicy.judge("stop time", reading(0.3, Bound.AT_LEAST), AT_MOST_600_MS, "src").orElseThrow();
        assertThat(m.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(m.note()).isEqualTo("only at least 300 ms was measured, which cannot tell whether the limit is met");
        // At most 400 ms is within ≤ 600 ms whatever the true value.
        assertThat(verdict(reading(0.4, Bound.AT_MOST), AT_MOST_600_MS)).isEqualTo(Verdict.PASS);
        assertThat(verdict(reading(0.8, Bound.AT_MOST), AT_MOST_600_MS)).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void aReadingWithoutAValueGivesNoMeasurement() {
        assertThat(EvidencePolicy.judge("q", Reading.none("left_knee", W, List.of("never reports"), ""), AT_MOST_600_MS, "src")).isEmpty();
        assertThat(EvidencePolicy.judge("q", new Reading("", W, OptionalDouble.of(Double.NaN), Bound.EXACT, List.of(), ""),
                AT_MOST_600_MS, "src")).isEqualTo(Optional.empty());
    }

    @Test
    void theWorstVerdictWinsAndNothingIsInconclusive() {
        assertThat(EvidencePolicy.worst(List.of(Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.FAIL, Verdict.PASS))).isEqualTo(Verdict.FAIL);
        assertThat(EvidencePolicy.worst(List.of(Verdict.PASS, Verdict.INCONCLUSIVE))).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(EvidencePolicy.worst(List.of(Verdict.PASS, Verdict.PASS))).isEqualTo(Verdict.PASS);
        assertThat(EvidencePolicy.worst(List.of())).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void ordersMeasurementsWorstFirst() {
        Measurement pass = EvidencePolicy.judge("q", reading(0.3, Bound.EXACT), AT_MOST_600_MS, "s").orElseThrow();
        Measurement gap = EvidencePolicy.judge("q", reading(0.5, Bound.EXACT, "gap"), AT_MOST_600_MS, "s").orElseThrow();
        Measurement slightly = EvidencePolicy.judge("q", reading(0.7, Bound.EXACT), AT_MOST_600_MS, "s").orElseThrow();
        Measurement badly = EvidencePolicy.judge("q", reading(1.2, Bound.EXACT), AT_MOST_600_MS, "s").orElseThrow();
        assertThat(List.of(pass, slightly, gap, badly).stream().sorted(EvidencePolicy.WORST_FIRST).toList())
                .containsExactly(badly, slightly, gap, pass);
    }
}
