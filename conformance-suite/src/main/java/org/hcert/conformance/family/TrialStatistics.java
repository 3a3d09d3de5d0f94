package org.hcert.conformance.family;

/**
 * One-sided confidence bounds from n ≥ 2 trials, assuming the trials' values are normally
 * distributed: of the mean (Student t) and of a percentile (a one-sided normal tolerance bound,
 * from the non-central t distribution). Each bound is one-sided at the given confidence; the two
 * bounds of a {@link Summary} are each one-sided, so together they bracket the statistic with
 * 2·confidence − 1.
 *
 * <p>The distributions are computed here, without a statistics library: Φ by Marsaglia's series
 * (absolute error about 1e-15), the non-central t's distribution function by Simpson's rule over the
 * chi distribution of the scale (normalised on the same grid), quantiles by bisection.
 * {@code TrialStatisticsTest} checks them against published tables.
 */
final class TrialStatistics {

    private static final int SIMPSON_INTERVALS = 2000;

    /**
     * What the trials say about the statistic.
     *
     * @param n the number of trials
     * @param mean their mean
     * @param sd their sample standard deviation (n − 1 in the denominator)
     * @param lower the one-sided lower confidence bound of the statistic
     * @param upper the one-sided upper confidence bound of the statistic
     */
    record Summary(int n, double mean, double sd, double lower, double upper) {

        /** Standard deviation over mean; NaN for a mean of 0. */
        double coefficientOfVariation() {
            return mean == 0 ? Double.NaN : sd / Math.abs(mean);
        }
    }

    private TrialStatistics() {}

    /** Bounds of the mean of {@code values} at {@code confidence} (e.g. 0.95). */
    static Summary mean(double[] values, double confidence) {
        int n = requireTwo(values);
        double m = average(values);
        double s = sd(values, m);
        double half = studentQuantile(confidence, n - 1) * s / Math.sqrt(n);
        return new Summary(n, m, s, m - half, m + half);
    }

    /**
     * Bounds of a percentile of the distribution the values come from, at {@code confidence}: the
     * {@code share}-quantile (e.g. 0.95) when {@code upperTail}, else the (1 − share)-quantile.
     */
    static Summary percentile(double[] values, double share, boolean upperTail, double confidence) {
        int n = requireTwo(values);
        double m = average(values);
        double s = sd(values, m);
        double delta = normalQuantile(share) * Math.sqrt(n);
        double kUpper = nonCentralTQuantile(confidence, n - 1, delta) / Math.sqrt(n);
        double kLower = nonCentralTQuantile(1 - confidence, n - 1, delta) / Math.sqrt(n);
        return upperTail ? new Summary(n, m, s, m + kLower * s, m + kUpper * s)
                : new Summary(n, m, s, m - kUpper * s, m - kLower * s);
    }

    private static int requireTwo(double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a confidence bound needs at least 2 values, got " + values.length);
        }
        return values.length;
    }

    private static double average(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** Φ(x), the standard normal distribution function (Marsaglia 2004). */
    static double normalCdf(double x) {
        if (x < -8) {
            return 0;
        }
        if (x > 8) {
            return 1;
        }
        double sum = x;
        double term = x;
        double q = x * x;
        double previous = 0;
        for (int i = 1; sum != previous; i += 2) {
            previous = sum;
            term *= q / (i + 2);
            sum = previous + term;
        }
        return 0.5 + sum * Math.exp(-0.5 * q - 0.9189385332046727);
    }

    /** The {@code p}-quantile of the standard normal distribution. */
    static double normalQuantile(double p) {
        return bisect(p, x -> normalCdf(x));
    }

    /** The {@code p}-quantile of Student's t with {@code nu} degrees of freedom. */
    static double studentQuantile(double p, int nu) {
        return nonCentralTQuantile(p, nu, 0);
    }

    /** The {@code p}-quantile of the non-central t with {@code nu} degrees of freedom and non-centrality {@code delta}. */
    static double nonCentralTQuantile(double p, int nu, double delta) {
        return bisect(p, x -> nonCentralTCdf(x, nu, delta));
    }

    /**
     * P(T ≤ x) for T = (Z + δ)/√(V/ν), Z standard normal, V chi-square with ν degrees of freedom:
     * the integral of Φ(x·s − δ) over the density of s = √(V/ν), ∝ s^(ν−1)·e^(−ν s²/2).
     */
    static double nonCentralTCdf(double x, int nu, double delta) {
        double mode = nu > 1 ? Math.sqrt((nu - 1.0) / nu) : 0;
        double logPeak = nu > 1 ? (nu - 1) * Math.log(mode) - nu * mode * mode / 2 : 0;
        double top = 1 + 10 / Math.sqrt(nu);
        double h = top / SIMPSON_INTERVALS;
        double mass = 0;
        double weighted = 0;
        for (int i = 0; i <= SIMPSON_INTERVALS; i++) {
            double s = i * h;
            double density = s == 0 ? (nu == 1 ? 1 : 0) : Math.exp((nu - 1) * Math.log(s) - nu * s * s / 2 - logPeak);
            double w = i == 0 || i == SIMPSON_INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
            mass += w * density;
            weighted += w * density * normalCdf(x * s - delta);
        }
        return weighted / mass;
    }

    private static double bisect(double p, java.util.function.DoubleUnaryOperator cdf) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, got " + p);
        }
        double lo = -10;
        double hi = 10;
        while (cdf.applyAsDouble(lo) > p) {
            lo *= 2;
        }
        while (cdf.applyAsDouble(hi) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 100 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
            double mid = (lo + hi) / 2;
            if (cdf.applyAsDouble(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
