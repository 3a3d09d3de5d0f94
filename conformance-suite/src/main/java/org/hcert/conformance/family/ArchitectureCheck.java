package org.hcert.conformance.family;

import java.util.List;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;

/**
 * {@code check: architecture}: the architecture parameters each declared safety function states
 * agree with each other (ISO 13849-1). Its DC value lies in the band of its declared DC level (the
 * bands' lower edges are the limits {@code dcLow}, {@code dcMedium}, {@code dcHigh}; each band ends
 * below the next one's lower edge; {@code none} ends below {@code dcLow}); each channel's MTTF_D lies
 * between {@code mttfdMin} and {@code mttfdMax}; its CCF score reaches {@code ccfScore}, for
 * categories 2, 3 and 4 (ISO 13849-1 asks no CCF measures of categories B and 1).
 */
final class ArchitectureCheck implements DeclaredCheck {

    /** The DC levels, lowest first, and the limit that is each one's lower edge ({@code none} has none). */
    static final List<String> LEVELS = List.of("none", "low", "medium", "high");
    static final List<String> EDGES = List.of("", "dcLow", "dcMedium", "dcHigh");

    @Override
    public String name() {
        return "architecture";
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional("dcLow", Dimension.RATIO, "diagnostic coverage"),
                LimitName.optional("dcMedium", Dimension.RATIO, "diagnostic coverage"),
                LimitName.optional("dcHigh", Dimension.RATIO, "diagnostic coverage"),
                LimitName.optional("mttfdMin", Dimension.TIME, "MTTF_D"),
                LimitName.optional("mttfdMax", Dimension.TIME, "MTTF_D"),
                LimitName.optional("ccfScore", Dimension.COUNT, "CCF score"));
    }

    @Override
    public Evaluator evaluator(ClauseSetup c) {
        return DeclaredCheck.document(c, (clause, out) -> {
            for (RobotDeclaration.SafetyFunction f : PerformanceLevelCheck.functions(clause, out)) {
                coverage(clause, f, out);
                mttfd(clause, f, out);
                ccf(clause, f, out);
            }
        });
    }

    private void coverage(ClauseSetup c, RobotDeclaration.SafetyFunction f, ClauseEvidence.Builder out) {
        if (f.dcLevel().isEmpty()) {
            Declared.limit(c, "dcLow", name(), out).ifPresent(l -> out.add("dcLow", Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".dcLevel", "the DC level of " + f.name())), "").against(l)));
            return;
        }
        int level = LEVELS.indexOf(f.dcLevel().get());
        Optional<Limit> lower = level == 0 ? Optional.empty() : Declared.limit(c, EDGES.get(level), name(), out);
        Optional<Limit> upper = level == LEVELS.size() - 1 ? Optional.empty() : Declared.limit(c, EDGES.get(level + 1), name(), out)
                .map(l -> Declared.derived(l, Comparison.BELOW, "the lower edge of DC %s as the upper edge of DC %s"
                        .formatted(LEVELS.get(level + 1), LEVELS.get(level))));
        if ((level > 0 && lower.isEmpty()) || (level < LEVELS.size() - 1 && upper.isEmpty())) {
            return;
        }
        if (f.dc().isEmpty()) {
            String first = level == 0 ? EDGES.get(1) : EDGES.get(level);
            Limit against = level == 0 ? upper.orElseThrow() : lower.orElseThrow();
            out.add(first, Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".dc", "the DC value of " + f.name())), "").against(against));
            return;
        }
        Quantity dc = f.dc().get();
        String detail = "%s.dc = %s (%s), declared DC level %s: %s%s".formatted(f.path(), dc, Declared.at(c, f.path() + ".dc"),
                LEVELS.get(level), lower.map(l -> l.quantity() + " ≤ DC").orElse("DC"),
                upper.map(l -> " < " + l.quantity()).orElse(""));
        lower.ifPresent(l -> out.add(EDGES.get(level), Reading.of(f.name(), Declared.DOCUMENT, dc.si(), List.of(), detail).against(l)));
        upper.ifPresent(l -> out.add(EDGES.get(level + 1), Reading.of(f.name(), Declared.DOCUMENT, dc.si(), List.of(), detail).against(l)));
    }

    private void mttfd(ClauseSetup c, RobotDeclaration.SafetyFunction f, ClauseEvidence.Builder out) {
        Optional<Limit> min = Declared.limit(c, "mttfdMin", name(), out);
        Optional<Limit> max = Declared.limit(c, "mttfdMax", name(), out);
        if (min.isEmpty() || max.isEmpty()) {
            return;
        }
        if (f.mttfd().isEmpty()) {
            out.add("mttfdMin", Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".mttfd", "the MTTF_D of each channel of " + f.name())), ""));
            return;
        }
        for (int i = 0; i < f.mttfd().size(); i++) {
            Quantity q = f.mttfd().get(i);
            String subject = "%s channel %d".formatted(f.name(), i + 1);
            String detail = "%s.mttfd[%d] = %s (%s)".formatted(f.path(), i, q, Declared.at(c, f.path() + ".mttfd"));
            out.add("mttfdMin", Reading.of(subject, Declared.DOCUMENT, q.si(), List.of(), detail));
            out.add("mttfdMax", Reading.of(subject, Declared.DOCUMENT, q.si(), List.of(), detail));
        }
    }

    private void ccf(ClauseSetup c, RobotDeclaration.SafetyFunction f, ClauseEvidence.Builder out) {
        Optional<String> category = f.category();
        if (category.isPresent() && (category.get().equals("B") || category.get().equals("1"))) {
            return;
        }
        Optional<Limit> limit = Declared.limit(c, "ccfScore", name(), out);
        if (limit.isEmpty()) {
            return;
        }
        if (f.ccf().isEmpty()) {
            out.add("ccfScore", Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".ccf", "the CCF score of " + f.name())), ""));
            return;
        }
        double score = f.ccf().get();
        String detail = "%s.ccf = %s points (%s), category %s".formatted(f.path(), Quantity.format(score), Declared.at(c, f.path() + ".ccf"),
                category.orElse("not given"));
        if (category.isEmpty() && !limit.get().comparison().withinLimit(limit.get().unit().fromSi(score), limit.get().value())) {
            out.add("ccfScore", Reading.none(f.name(), Declared.DOCUMENT, List.of(("the CCF score is below %s, which ISO 13849-1 asks of "
                    + "categories 2, 3 and 4 only, and %s").formatted(limit.get().quantity(),
                            Declared.missing(c, f.path() + ".category", "the category of " + f.name()))), detail));
            return;
        }
        out.add("ccfScore", Reading.of(f.name(), Declared.DOCUMENT, score, List.of(), detail));
    }
}
