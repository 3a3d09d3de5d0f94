/** Verdicts and the evidence behind them: measurements, limits, clause results; the exception types that carry a verdict through Cucumber and Allure. */
@NullMarked
package org.hcert.conformance.verdict;

import org.jspecify.annotations.NullMarked;
