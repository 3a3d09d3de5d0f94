package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrialStatisticsTest {

    @ParameterizedTest(name = "Φ({0}) = {1}")
    @CsvSource({"0, 0.5", "1.6448536269514722, 0.95", "-1.959963984540054, 0.025", "3, 0.9986501019683699"})
    void theNormalDistributionFunctionMatchesItsTable(double x, double p) {
        assertThat(TrialStatistics.normalCdf(x)).isCloseTo(p, within(1e-13));
    }

    @ParameterizedTest(name = "t({0}, {1} degrees of freedom) = {2}")
    @CsvSource({"0.95, 1, 6.313752", "0.95, 4, 2.131847", "0.975, 10, 2.228139", "0.90, 2, 1.885618", "0.95, 30, 1.697261"})
    void studentsQuantilesMatchTheTable(double p, int nu, double t) {
        assertThat(TrialStatistics.studentQuantile(p, nu)).isCloseTo(t, within(1e-5));
    }

    @ParameterizedTest(name = "k(n = {0}, p = {1}, confidence {2}) = {3}")
    @CsvSource({"5, 0.95, 0.95, 4.203", "10, 0.95, 0.95, 2.911", "5, 0.90, 0.90, 2.742", "20, 0.95, 0.95, 2.396"})
    void oneSidedToleranceFactorsMatchTheTable(int n, double p, double confidence, double k) {
        // k = t'(confidence; n − 1, z_p·√n)/√n, the non-central t quantile (NIST/SEMATECH e-Handbook 7.2.6.3 tables).
        double delta = TrialStatistics.normalQuantile(p) * Math.sqrt(n);
        assertThat(TrialStatistics.nonCentralTQuantile(confidence, n - 1, delta) / Math.sqrt(n)).isCloseTo(k, within(1e-3));
    }

    @Test
    void theBoundsOfTheMeanOfFiveKnownValues() {
        // 1..5: mean 3, s = √2.5 = 1.581139, t(0.95, 4) = 2.131847: half-width 2.131847 · 1.581139 / √5 = 1.507443.
        TrialStatistics.Summary s = TrialStatistics.mean(new double[] {1, 2, 3, 4, 5}, 0.95);
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(3, within(1e-12));
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(s.lower()).isCloseTo(3 - 1.507443, within(1e-5));
        assertThat(s.upper()).isCloseTo(3 + 1.507443, within(1e-5));
        assertThat(s.coefficientOfVariation()).isCloseTo(Math.sqrt(2.5) / 3, within(1e-12));
    }

    @Test
    void theBoundsOfAnUpperAndALowerPercentile() {
        // 1..5 at 95/95: the 95th percentile lies below 3 + 4.2027 · 1.581139 = 9.645 with 95 % confidence;
        // the 5th percentile, by symmetry, above 3 − 4.2027 · 1.581139 = −3.645. The other bound of each (from the
        // non-central t's 5 % quantile) lies between the mean and the first, mirrored between the two tails.
        TrialStatistics.Summary upper = TrialStatistics.percentile(new double[] {1, 2, 3, 4, 5}, 0.95, true, 0.95);
        assertThat(upper.upper()).isCloseTo(3 + 4.2027 * Math.sqrt(2.5), within(1e-3));
        TrialStatistics.Summary lower = TrialStatistics.percentile(new double[] {1, 2, 3, 4, 5}, 0.95, false, 0.95);
        assertThat(lower.lower()).isCloseTo(3 - 4.2027 * Math.sqrt(2.5), within(1e-3));
        assertThat(lower.upper()).isCloseTo(6 - upper.lower(), within(1e-9));
        assertThat(upper.lower()).isBetween(3.0, upper.upper());
    }

    @Test
    void identicalValuesHaveBoundsAtTheirValue() {
        TrialStatistics.Summary s = TrialStatistics.mean(new double[] {0.5, 0.5, 0.5}, 0.95);
        assertThat(s.lower()).isEqualTo(0.5);
        assertThat(s.upper()).isEqualTo(0.5);
    }
}
