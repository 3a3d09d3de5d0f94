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
 * @param per when the value is declared per subject: {@code joint} (the key of each entry of the
 *     robot profile's {@code joints}) or {@code stream} (of each entry of its {@code streams}), the
 *     robot-wide {@code declared} value standing in for a subject that gives none
 */
public record LimitSpec(
        Optional<Quantity> value,
        Optional<String> declaredKey,
        Comparison comparison,
        String evidence,
        String note,
        int line,
        Optional<String> per) {

    /** What each subject declares for itself: each joint, each stream. */
    public static final java.util.List<String> PER = java.util.List.of("joint", "stream");

    /** A limit or parameter with one value for every subject. */
    public LimitSpec(Optional<Quantity> value, Optional<String> declaredKey, Comparison comparison, String evidence,
            String note, int line) {
        this(value, declaredKey, comparison, evidence, note, line, Optional.empty());
    }
}
