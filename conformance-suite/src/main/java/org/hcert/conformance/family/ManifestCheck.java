package org.hcert.conformance.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Reading;

/**
 * {@code check: manifest}: the declaration manifest gives every field the classification schemes ask
 * for (the arms' class, the ISO 13482 type, the locomotion, the DoF, the masses, each arm's rated
 * payload, the rated speed, the stopping time and distance, the fall-zone radius and each safety
 * function's PL), each one it leaves out named; and what it gives agrees with the rest of the robot
 * profile: no more joints declared than degrees of freedom ({@code jointsBeyondDof}), the arms no
 * heavier together than the robot ({@code armMassBeyondTotal}).
 */
final class ManifestCheck implements DeclaredCheck {

    @Override
    public String name() {
        return "manifest";
    }

    @Override
    public List<LimitName> limits() {
        return List.of(LimitName.optional("jointsBeyondDof", Dimension.COUNT, "joints declared beyond the declared DoF"),
                LimitName.optional("armMassBeyondTotal", Dimension.MASS, "declared arm masses together beyond the robot's declared mass"));
    }

    @Override
    public Evaluator evaluator(ClauseSetup c) {
        return DeclaredCheck.document(c, (clause, out) -> {
            RobotDeclaration d = clause.robot().declaration();
            present(clause, out, d.iso13482Type(), "declaration.iso13482Type", "the ISO 13482 robot type");
            present(clause, out, d.locomotion(), "declaration.locomotion", "the locomotion type");
            present(clause, out, d.ratedSpeed(), "declaration.ratedSpeed", "the rated speed");
            present(clause, out, d.stoppingTime(), "declaration.stopping.time", "the stopping time");
            present(clause, out, d.stoppingDistance(), "declaration.stopping.distance", "the stopping distance");
            present(clause, out, d.fallZoneRadius(), "declaration.fallZoneRadius", "the fall-zone radius");
            if (d.arms().isEmpty() && clause.robot().capabilities().contains("arms")) {
                out.problem(Declared.missing(clause, "declaration.arms", "the arms of a robot that declares the capability arms"));
            }
            for (RobotDeclaration.Arm a : d.arms()) {
                present(clause, out, a.declaredClass(), a.path() + ".class", "the class of the " + a.name() + " arm");
                present(clause, out, a.ratedPayload(), a.path() + ".ratedPayload", "the rated payload of the " + a.name() + " arm");
            }
            if (d.safetyFunctions().isEmpty()) {
                out.problem(Declared.missing(clause, "declaration.safetyFunctions", "the safety functions with their performance levels"));
            }
            for (RobotDeclaration.SafetyFunction f : d.safetyFunctions()) {
                present(clause, out, f.pl(), f.path() + ".pl", "the performance level of " + f.name());
            }
            dof(clause, d, out);
            masses(clause, d, out);
        });
    }

    private static void present(ClauseSetup c, ClauseEvidence.Builder out, Optional<?> field, String path, String what) {
        if (field.isEmpty()) {
            out.problem(Declared.missing(c, path, what));
        }
    }

    private static void dof(ClauseSetup c, RobotDeclaration d, ClauseEvidence.Builder out) {
        if (!c.judges("jointsBeyondDof")) {
            return;
        }
        int joints = c.robot().joints().size();
        out.add("jointsBeyondDof", d.dof().map(dof -> Reading.of("", Declared.DOCUMENT, joints - dof, List.of(),
                        "declaration.dof = %d (%s); the robot profile declares %d joints".formatted(dof, Declared.at(c, "declaration.dof"), joints)))
                .orElseGet(() -> Reading.none("", Declared.DOCUMENT, List.of(Declared.missing(c, "declaration.dof", "the degrees of freedom")), "")));
    }

    private static void masses(ClauseSetup c, RobotDeclaration d, ClauseEvidence.Builder out) {
        if (!c.judges("armMassBeyondTotal")) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (d.mass().isEmpty()) {
            missing.add(Declared.missing(c, "declaration.mass", "the robot's mass"));
        }
        double arms = 0;
        List<String> each = new ArrayList<>();
        for (RobotDeclaration.Arm a : d.arms()) {
            if (a.mass().isEmpty()) {
                missing.add(Declared.missing(c, a.path() + ".mass", "the mass of the " + a.name() + " arm"));
            } else {
                arms += a.mass().get().si();
                each.add("%s %s".formatted(a.name(), a.mass().get()));
            }
        }
        if (!missing.isEmpty()) {
            out.add("armMassBeyondTotal", Reading.none("", Declared.DOCUMENT, missing, ""));
            return;
        }
        Quantity total = d.mass().orElseThrow();
        out.add("armMassBeyondTotal", Reading.of("", Declared.DOCUMENT, arms - total.si(), List.of(),
                "arms %s; declaration.mass = %s (%s)".formatted(each.isEmpty() ? "none" : String.join(", ", each), total,
                        Declared.at(c, "declaration.mass"))));
    }
}
