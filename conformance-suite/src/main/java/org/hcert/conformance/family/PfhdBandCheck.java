package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;

/**
 * {@code check: pl-and-pfhd}: for each declared safety function, its PL reaches the level required of
 * it (the standard's, or its own declared PLr when that is higher; as {@link PerformanceLevelCheck}),
 * and its PFH_D lies in the band of its declared PL. The bands are the clause's limits: the upper edge
 * of PL x's band is {@code pfhdPlX} (PFH_D below it), whose lower edge is the next level's upper edge
 * (PFH_D at least that), and PL e's lower edge is {@code pfhdFloor}. Two readings per function and
 * band edge, each under the name of the limit it is judged against.
 */
final class PfhdBandCheck implements DeclaredCheck {

    static final String FLOOR = "pfhdFloor";

    /** The name of the limit that is the upper edge of {@code level}'s band: {@code pfhdPlD}. */
    static String upper(PerformanceLevel level) {
        return "pfhdPl" + level.name();
    }

    @Override
    public String name() {
        return "pl-and-pfhd";
    }

    @Override
    public List<LimitName> limits() {
        List<LimitName> out = new ArrayList<>();
        for (PerformanceLevel l : PerformanceLevel.values()) {
            out.add(LimitName.optional(upper(l), Dimension.RATE_PER_HOUR, "PFH_D"));
        }
        out.add(LimitName.optional(FLOOR, Dimension.RATE_PER_HOUR, "PFH_D"));
        return out;
    }

    @Override
    public Evaluator evaluator(ClauseSetup c) {
        return DeclaredCheck.document(c, (clause, out) -> {
            for (RobotDeclaration.SafetyFunction f : PerformanceLevelCheck.functions(clause, out)) {
                PerformanceLevelCheck.plReading(clause, f, true, out);
                f.pl().ifPresent(pl -> band(clause, f, pl, out));
            }
        });
    }

    private void band(ClauseSetup c, RobotDeclaration.SafetyFunction f, PerformanceLevel pl, ClauseEvidence.Builder out) {
        Optional<Limit> upper = Declared.limit(c, upper(pl), name(), out);
        String lowerName = pl.higher().map(PfhdBandCheck::upper).orElse(FLOOR);
        Optional<Limit> lowerEdge = Declared.limit(c, lowerName, name(), out);
        if (upper.isEmpty() || lowerEdge.isEmpty()) {
            return;
        }
        Limit lower = pl.higher().isPresent()
                ? Declared.derived(lowerEdge.get(), Comparison.AT_LEAST, "the upper edge of PL %s's band as the lower edge of PL %s's"
                        .formatted(pl.higher().get().letter(), pl.letter()))
                : lowerEdge.get();
        if (f.pfhd().isEmpty()) {
            out.add(upper(pl), Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".pfhd", "the PFH_D of " + f.name())), "").against(upper.get()));
            return;
        }
        Quantity pfhd = f.pfhd().get();
        String detail = "%s.pfhd = %s (%s); the band of its PL %s: %s ≤ PFH_D < %s".formatted(f.path(), pfhd,
                Declared.at(c, f.path() + ".pfhd"), pl.letter(), lower.quantity(), upper.get().quantity());
        out.add(upper(pl), Reading.of(f.name(), Declared.DOCUMENT, pfhd.si(), List.of(), detail).against(upper.get()));
        out.add(lowerName, Reading.of(f.name(), Declared.DOCUMENT, pfhd.si(), List.of(), detail).against(lower));
    }
}
