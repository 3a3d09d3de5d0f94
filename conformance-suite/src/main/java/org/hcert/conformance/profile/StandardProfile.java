package org.hcert.conformance.profile;

import java.util.List;
import java.util.Optional;

/**
 * One edition of a standard as hcert tests it.
 *
 * @param file where the profile came from
 * @param id short ID, e.g. {@code HEIS-2026}
 * @param title full title
 * @param edition edition or year
 * @param robotClasses robot classes the profile knows
 * @param clauses clauses in profile order
 */
public record StandardProfile(
        ProfileFile file, String id, String title, String edition, List<String> robotClasses, List<Clause> clauses) {

    public Optional<Clause> clause(String id) {
        return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
