package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;

/**
 * {@code check: performance-level}: the declared performance level (PL) of each chosen safety function
 * reaches the level the standard requires of it: {@code requiredPlEmergencyStop} or
 * {@code requiredPlReset} for those functions when the clause gives them, else {@code requiredPl}.
 * One reading per function, of its PL, judged against that level.
 */
final class PerformanceLevelCheck implements DeclaredCheck {

    static final String REQUIRED_PL = "requiredPl";
    /** The limits that require a level of one safety function in particular, by the function's name. */
    static final Map<String, String> FUNCTION_LIMITS = Map.of("emergency-stop", "requiredPlEmergencyStop",
            "reset", "requiredPlReset");

    @Override
    public String name() {
        return "performance-level";
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional(REQUIRED_PL, Dimension.PERFORMANCE_LEVEL, "declared performance level"),
                LimitName.optional("requiredPlEmergencyStop", Dimension.PERFORMANCE_LEVEL, "declared performance level"),
                LimitName.optional("requiredPlReset", Dimension.PERFORMANCE_LEVEL, "declared performance level"));
    }

    @Override
    public Evaluator evaluator(ClauseSetup c) {
        return DeclaredCheck.document(c, (clause, out) -> {
            for (RobotDeclaration.SafetyFunction f : functions(clause, out)) {
                plReading(clause, f, false, out);
            }
        });
    }

    /**
     * The safety functions the clause's {@code function} option chooses: every declared one
     * ({@code all}), or the one it names; a problem when there is none.
     */
    static List<RobotDeclaration.SafetyFunction> functions(ClauseSetup c, ClauseEvidence.Builder out) {
        RobotDeclaration d = c.robot().declaration();
        String chosen = c.option("function");
        if (chosen.equals("all")) {
            if (d.safetyFunctions().isEmpty()) {
                out.problem(Declared.missing(c, "declaration.safetyFunctions", "the safety functions with their performance levels"));
            }
            return d.safetyFunctions();
        }
        Optional<RobotDeclaration.SafetyFunction> f = d.safetyFunction(chosen);
        if (f.isEmpty()) {
            out.problem("declaration.safetyFunctions of robot profile %s lists no safety function named %s (it lists %s)"
                    .formatted(c.robot().profile(), chosen, d.safetyFunctions().isEmpty() ? "none"
                            : String.join(", ", d.safetyFunctions().stream().map(RobotDeclaration.SafetyFunction::name).toList())));
        }
        return f.stream().toList();
    }

    /**
     * The reading of {@code f}'s declared PL under {@link #REQUIRED_PL}, against the level the
     * standard requires of it or, when {@code withDeclaredPlr} and the function's own declared PLr is
     * higher, against that (evidence D).
     */
    static void plReading(ClauseSetup c, RobotDeclaration.SafetyFunction f, boolean withDeclaredPlr, ClauseEvidence.Builder out) {
        String name = FUNCTION_LIMITS.getOrDefault(f.name(), REQUIRED_PL);
        Limit standard = c.limits().get(name);
        if (standard == null) {
            name = REQUIRED_PL;
            standard = c.limits().get(REQUIRED_PL);
        }
        if (standard == null) {
            out.problem("clause %s gives no limit %s, which the declaration check of performance levels needs".formatted(c.clauseId(), REQUIRED_PL));
            return;
        }
        Limit limit = standard;
        List<String> notes = new ArrayList<>();
        if (withDeclaredPlr && f.plr().isPresent()) {
            PerformanceLevel plr = f.plr().get();
            String at = Declared.at(c, f.path() + ".plr");
            if (plr.rank() > standard.valueSi()) {
                limit = new Limit(name, plr.quantity(), Comparison.AT_LEAST, "D",
                        "robot declaration %s.plr in %s (above the standard's %s)".formatted(f.path(), at, standard.quantity()));
            }
            notes.add("declared PLr %s (%s)".formatted(plr.letter(), at));
        }
        if (f.pl().isEmpty()) {
            out.add(REQUIRED_PL, Reading.none(f.name(), Declared.DOCUMENT,
                    List.of(Declared.missing(c, f.path() + ".pl", "the declared performance level of " + f.name())), "").against(limit));
            return;
        }
        PerformanceLevel pl = f.pl().get();
        notes.add(0, "%s.pl = %s (%s)".formatted(f.path(), pl.letter(), Declared.at(c, f.path() + ".pl")));
        out.add(REQUIRED_PL, Reading.of(f.name(), Declared.DOCUMENT, pl.rank(), List.of(), String.join("; ", notes)).against(limit));
    }
}
