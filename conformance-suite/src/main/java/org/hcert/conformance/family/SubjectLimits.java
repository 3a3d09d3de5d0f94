package org.hcert.conformance.family;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.verdict.Limit;

/**
 * A limit whose value each subject declares for itself (each joint its {@code maxVelocity}, each
 * stream its {@code rate}), resolved for one robot: the limit of every subject that declares one,
 * and for every other subject why it has none.
 *
 * @param per what the subjects are: {@code joint} or {@code stream}
 * @param key the declared value's key, e.g. {@code maxVelocity}
 * @param bySubject the limit of each subject that has a value, by subject name (joint name, topic)
 * @param missing why a subject has none, by subject name
 */
public record SubjectLimits(String per, String key, Map<String, Limit> bySubject, Map<String, String> missing) {

    public SubjectLimits {
        Objects.requireNonNull(per, "per must not be null");
        Objects.requireNonNull(key, "key must not be null");
        bySubject = Map.copyOf(bySubject);
        missing = Map.copyOf(missing);
    }

    /** The limit of {@code subject}, when it declares one. */
    public Optional<Limit> of(String subject) {
        return Optional.ofNullable(bySubject.get(subject));
    }

    /** Why {@code subject} has no limit, naming the declaration it lacks. */
    public String why(String subject) {
        return missing.getOrDefault(subject, "%s %s declares no %s".formatted(per, subject, key));
    }
}
