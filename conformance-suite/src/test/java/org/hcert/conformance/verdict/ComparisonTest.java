package org.hcert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The four comparisons at and around their edge, a value converted to SI and back, and performance levels as an order. */
class ComparisonTest {

    @ParameterizedTest(name = "{0} {1} against 1: {2}")
    @CsvSource({
        "at-most, 1, true", "at-most, 0.999, true", "at-most, 1.001, false",
        "at-least, 1, true", "at-least, 1.001, true", "at-least, 0.999, false",
        "below, 1, false", "below, 0.999, true", "below, 1.001, false",
        "above, 1, false", "above, 1.001, true", "above, 0.999, false"})
    void eachComparisonAtItsEdge(String key, double measured, boolean within) {
        Comparison c = Comparison.parse(key).orElseThrow();
        assertThat(c.key()).isEqualTo(key);
        assertThat(c.withinLimit(measured, 1)).isEqualTo(within);
        assertThat(c.withinLimit(Double.NaN, 1)).isFalse();
    }

    @Test
    void aValueConvertedToSiAndBackIsTheLimitItself() {
        for (double percent : new double[] {60, 90, 99, 0.7, 33.3}) {
            double back = Unit.PERCENT.fromSi(new Quantity(percent, Unit.PERCENT).si());
            assertThat(Comparison.AT_LEAST.withinLimit(back, percent)).isTrue();
            assertThat(Comparison.AT_MOST.withinLimit(back, percent)).isTrue();
            assertThat(Comparison.BELOW.withinLimit(back, percent)).isFalse();
            assertThat(Comparison.ABOVE.withinLimit(back, percent)).isFalse();
        }
    }

    @Test
    void aBoundOnThePassingSideOfAStrictLimitCannotFail() {
        Limit below = new Limit("x", new Quantity(1, Unit.SECOND), Comparison.BELOW, "I", "test");
        Reading atLeast = new Reading("", TimeWindow.of(0, 0), java.util.OptionalDouble.of(2), Bound.AT_LEAST, java.util.List.of(), "");
        Reading atMost = new Reading("", TimeWindow.of(0, 0), java.util.OptionalDouble.of(2), Bound.AT_MOST, java.util.List.of(), "");
        assertThat(EvidencePolicy.judge("x", atLeast, below, "s").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
        assertThat(EvidencePolicy.judge("x", atMost, below, "s").orElseThrow().verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void performanceLevelsAreAnOrderWrittenAsLetters() {
        assertThat(PerformanceLevel.parse("D")).hasValue(PerformanceLevel.D);
        assertThat(PerformanceLevel.parse("f")).isEmpty();
        assertThat(PerformanceLevel.C.quantity().toString()).isEqualTo("PL c");
        assertThat(Unit.PERFORMANCE_LEVEL.format(2.5)).isEqualTo("PL ?");
        assertThat(PerformanceLevel.E.higher()).isEmpty();
        assertThat(PerformanceLevel.A.higher()).hasValue(PerformanceLevel.B);
        Limit atLeastC = new Limit("requiredPl", PerformanceLevel.C.quantity(), Comparison.AT_LEAST, "C2", "test");
        Measurement b = EvidencePolicy.judge("declared performance level", Reading.of("emergency-stop", TimeWindow.of(0, 0),
                PerformanceLevel.B.rank(), java.util.List.of(), ""), atLeastC, "s").orElseThrow();
        assertThat(b.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(b.headline()).isEqualTo("declared performance level (emergency-stop): PL b (limit ≥ PL c, C2) OUTSIDE LIMIT");
        assertThat(b.describe()).startsWith("declared performance level of emergency-stop: measured PL b, limit ≥ PL c, outside by 1 level(s)");
    }

    @Test
    void aYearIs8760Hours() {
        assertThat(new Quantity(1, Unit.YEAR).in(Unit.HOUR)).isEqualTo(8760);
        assertThat(Unit.parse("a")).hasValue(Unit.YEAR);
    }
}
