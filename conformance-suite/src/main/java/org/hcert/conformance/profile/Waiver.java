package org.hcert.conformance.profile;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A waiver or deviation the lab granted for one clause, with who approved it and where it is
 * recorded. It is shown beside the clause's verdict on the certificate, the console, the report and
 * the printable certificate; it never changes a verdict, and never turns a FAIL into a PASS.
 *
 * @param clause the clause ID it concerns
 * @param kind {@code waiver} (the clause's requirement is set aside for this robot) or
 *     {@code deviation} (it is met in a way other than the clause's)
 * @param reason why, in the lab's words
 * @param approver who approved it
 * @param reference where it is recorded (a document or ticket)
 * @param expires the last day it holds, if it is limited
 * @param line its line in the lab profile
 */
public record Waiver(String clause, String kind, String reason, String approver, String reference, Optional<LocalDate> expires,
        int line) {

    /** Whether it has expired by {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return expires.map(e -> e.isBefore(day)).orElse(false);
    }
}
