package org.hcert.conformance.family;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;

/**
 * One kind of check of the robot's declaration manifest, chosen by a {@code declaration} clause's
 * {@code check} option: the limits it judges, the roles it reads (most read none: they are document
 * checks), how long a live run watches, and its readings.
 */
interface DeclaredCheck {

    /** The value of the {@code check} option that chooses it, e.g. {@code performance-level}. */
    String name();

    /** The limits it judges; the family's limits are those of all its checks. */
    List<LimitName> limits();

    /** The roles it reads; none for a check of the document alone. */
    default Set<Role> roles() {
        return EnumSet.noneOf(Role.class);
    }

    /** How long a live run watches the robot for it; nothing for a check of the document alone. */
    default Duration observe() {
        return Duration.ZERO;
    }

    /** A fresh evaluation of clause {@code c}, whose robot has a declaration. */
    Evaluator evaluator(ClauseSetup c);

    /** An evaluator that reads no samples and judges the declaration when finished. */
    static Evaluator document(ClauseSetup c, BiConsumer<ClauseSetup, ClauseEvidence.Builder> judge) {
        return new Evaluator() {
            @Override
            public void accept(Sample sample) {
                // A document check reads no telemetry.
            }

            @Override
            public ClauseEvidence finish(long endNs) {
                ClauseEvidence.Builder out = new ClauseEvidence.Builder();
                judge.accept(c, out);
                return out.build();
            }
        };
    }
}
