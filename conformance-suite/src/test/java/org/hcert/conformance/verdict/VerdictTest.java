package org.hcert.conformance.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hcert.conformance.verdict.Verdict.FAIL;
import static org.hcert.conformance.verdict.Verdict.INCONCLUSIVE;
import static org.hcert.conformance.verdict.Verdict.NOT_APPLICABLE;
import static org.hcert.conformance.verdict.Verdict.PASS;

import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void combinesScenarioVerdictsWithFailFirstThenInconclusive() {
        assertThat(PASS.and(PASS)).isEqualTo(PASS);
        assertThat(PASS.and(FAIL)).isEqualTo(FAIL);
        assertThat(INCONCLUSIVE.and(FAIL)).isEqualTo(FAIL);
        assertThat(PASS.and(INCONCLUSIVE)).isEqualTo(INCONCLUSIVE);
        assertThat(NOT_APPLICABLE.and(PASS)).isEqualTo(PASS);
        assertThat(PASS.and(NOT_APPLICABLE)).isEqualTo(PASS);
        assertThat(NOT_APPLICABLE.and(NOT_APPLICABLE)).isEqualTo(NOT_APPLICABLE);
    }

    @Test
    void comparisonTreatsNaNAsOutsideTheLimit() {
        assertThat(Comparison.AT_MOST.withinLimit(Double.NaN, 1)).isFalse();
        assertThat(Comparison.AT_LEAST.withinLimit(Double.NaN, 1)).isFalse();
        assertThat(Comparison.AT_MOST.withinLimit(1, 1)).isTrue();
        assertThat(Comparison.AT_LEAST.withinLimit(0.999, 1)).isFalse();
    }

    @Test
    void measurementDescribesValueLimitDifferenceUnitAndWindow() {
        Limit limit = new Limit("stopTime", new Quantity(600, Unit.MILLISECOND), Comparison.AT_MOST, "D", "robot declaration");
        Measurement m = Measurement.exact("stop time", 1095, limit,
                org.hcert.telemetry.TimeWindow.of(1_772_352_005_000_000_000L, 1_772_352_008_000_000_000L), "rec.ndjson", "x");
        assertThat(m.withinLimit()).isFalse();
        assertThat(m.verdict()).isEqualTo(FAIL);
        assertThat(m.difference()).isEqualTo(495);
        assertThat(m.describe()).isEqualTo("stop time: measured 1095 ms, limit ≤ 600 ms, outside by 495 ms; window "
                + "[2026-03-01T08:00:05Z, 2026-03-01T08:00:08Z] (3.000 s); source rec.ndjson; x");
        assertThat(m.headline()).isEqualTo("stop time: 1095 ms (limit ≤ 600 ms, D) OUTSIDE LIMIT");
        assertThat(limit.toString()).isEqualTo("≤ 600 ms (D: the robot's declared value; robot declaration)");
    }

    @Test
    void neverCallsAnInferredNumberConfirmed() {
        Limit inferred = new Limit("trunkTilt", new Quantity(60, Unit.DEGREE), Comparison.AT_MOST, "I", "profile");
        assertThat(inferred.evidenceMeaning()).isEqualTo("hcert's proposed criterion, not a number from any standard");
        assertThat(new Limit("x", new Quantity(1, Unit.SECOND), Comparison.AT_MOST, "K", "p").evidenceMeaning())
                .isEqualTo("from general knowledge of the standard, not re-checked");
    }

    @Test
    void convertsUnitsToAndFromSiWithinTheirDimension() {
        assertThat(new Quantity(600, Unit.MILLISECOND).si()).isEqualTo(0.6);
        assertThat(Quantity.ofSi(Math.PI / 3, Unit.DEGREE).value()).isCloseTo(60, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(new Quantity(1.8, Unit.KILOMETRE_PER_HOUR).in(Unit.METRE_PER_SECOND)).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Quantity.format(0.30000000000000004)).isEqualTo("0.3");
        assertThat(Quantity.format(1095.0)).isEqualTo("1095");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Quantity(600, Unit.MILLISECOND).in(Unit.METRE))
                .hasMessage("cannot express 600 ms (time) in m (length)");
    }

    @Test
    void parsesEveryUnitSymbolAProfileMayUse() {
        assertThat(Unit.parse("ms")).contains(Unit.MILLISECOND);
        assertThat(Unit.parse("°C")).contains(Unit.DEGREE_CELSIUS);
        assertThat(Unit.parse("Nm")).contains(Unit.NEWTON_METRE);
        assertThat(Unit.parse("N/cm²")).contains(Unit.NEWTON_PER_SQUARE_CENTIMETRE);
        assertThat(Unit.parse("mss")).isEmpty();
        assertThat(Unit.knownSymbols()).doesNotHaveDuplicates();
    }
}
