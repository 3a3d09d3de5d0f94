package org.hcert.conformance.profile;

import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Comparison;

/**
 * A limit or parameter as the standard profile writes it: a value with its unit, or a reference to
 * a value the robot declares.
 *
 * @param value the value, when given in the standard profile
 * @param declaredKey the key in the robot profile's {@code declared} section, when the limit is declared
 * @param comparison how the measured value must relate to the limit
 * @param evidence the evidence label: C, C2, K, I or D
 * @param note a short explanation, possibly empty
 * @param line the line of the limit in the standard profile, for error messages
 */
public record LimitSpec(
        Optional<Quantity> value,
        Optional<String> declaredKey,
        Comparison comparison,
        String evidence,
        String note,
        int line) {}
