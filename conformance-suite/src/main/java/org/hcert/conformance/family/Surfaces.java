package org.hcert.conformance.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which surface-temperature limit judges which declared surface, by how people touch it and what it
 * is made of (ISO 13732-1's burn thresholds depend on both and on the contact time):
 *
 * <ul>
 *   <li>held: up to 1 min ({@code maxContact} ≤ 60 s) {@code heldSurfaceTemperature1min}; up to
 *       10 min {@code heldSurfaceTemperature10min}; longer or undeclared {@code heldSurfaceTemperature}
 *       (the threshold for contact of 8 h or more, the lowest of the three);
 *   <li>touched briefly, bare metal: up to 0.5 s {@code metalSurfaceTemperatureHalfSecond}, else
 *       {@code metalSurfaceTemperature} (10 s of contact);
 *   <li>touched briefly, plastic: {@code plasticSurfaceTemperature} (10 s of contact).
 * </ul>
 */
final class Surfaces {

    private static final Set<String> HELD = Set.of(SignalBound.HELD_SURFACE, SignalBound.HELD_SURFACE_10_MIN,
            SignalBound.HELD_SURFACE_1_MIN);
    private static final Set<String> BRIEF = Set.of(SignalBound.METAL_SURFACE, SignalBound.METAL_SURFACE_HALF_SECOND,
            SignalBound.PLASTIC_SURFACE);

    private Surfaces() {}

    /** The limit that judges {@code surface}. */
    static String limitOf(DeclaredSurface surface) {
        Optional<Double> contactS = surface.maxContact().map(q -> q.si());
        if (DeclaredSurface.HELD.equals(surface.kind())) {
            if (contactS.isPresent() && contactS.get() <= 60) {
                return SignalBound.HELD_SURFACE_1_MIN;
            }
            return contactS.isPresent() && contactS.get() <= 600 ? SignalBound.HELD_SURFACE_10_MIN : SignalBound.HELD_SURFACE;
        }
        if ("metal".equals(surface.material())) {
            return contactS.isPresent() && contactS.get() <= 0.5 ? SignalBound.METAL_SURFACE_HALF_SECOND : SignalBound.METAL_SURFACE;
        }
        return SignalBound.PLASTIC_SURFACE;
    }

    /**
     * The surfaces {@code clause} judges, each with the limit that judges it: those of a kind (held,
     * or touched briefly) of which the clause gives any limit. A surface whose own limit the clause
     * does not give, or a clause with surface limits and no surface to judge, is a problem.
     */
    static Map<DeclaredSurface, SignalBound.Bounded> assign(ClauseSetup clause, List<SignalBound.Bounded> given,
            List<String> problems) {
        Map<String, SignalBound.Bounded> byName = new LinkedHashMap<>();
        given.stream().filter(b -> !b.surfaces().isEmpty()).forEach(b -> byName.put(b.limit().name(), b));
        Map<DeclaredSurface, SignalBound.Bounded> out = new LinkedHashMap<>();
        if (byName.isEmpty()) {
            return out;
        }
        boolean held = byName.keySet().stream().anyMatch(HELD::contains);
        boolean brief = byName.keySet().stream().anyMatch(BRIEF::contains);
        int before = problems.size();
        for (DeclaredSurface s : clause.robot().surfaces()) {
            boolean judged = DeclaredSurface.HELD.equals(s.kind()) ? held : brief;
            if (!judged) {
                continue;
            }
            String limit = limitOf(s);
            SignalBound.Bounded b = byName.get(limit);
            if (b == null) {
                problems.add("surface %s (%s, %s%s) is judged against the limit %s, which clause %s does not give".formatted(
                        s.frame(), s.kind(), s.material(), s.maxContact().map(q -> ", contact up to " + q).orElse(""), limit,
                        clause.clauseId()));
            } else {
                out.put(s, b);
            }
        }
        if (out.isEmpty() && problems.size() == before) {
            problems.add("robot profile %s declares no %s surface (surfaces: with kind: %s), so clause %s has nothing to judge"
                    .formatted(clause.robot().profile(), held ? "held" : "briefly touched", held ? "held" : "brief",
                            clause.clauseId()));
        }
        return out;
    }
}
