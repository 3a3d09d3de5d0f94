package org.hcert.conformance.family;

import static org.hcert.conformance.family.ParameterName.Range.POSITIVE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.conformance.quantity.Dimension;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.telemetry.mapping.Role;

/**
 * The declaration: checks of what the robot's manufacturer declares in its manifest (the robot
 * profile's {@code declaration:} section) against the standard's rules, and against the telemetry
 * where the telemetry shows more than the declaration allows. A clause chooses its check with the
 * {@code check} option. A field a check needs that the declaration leaves out is missing evidence
 * (INCONCLUSIVE, naming the field), never a pass; a declared value that breaks a rule FAILs with the
 * value and the limit.
 */
final class Declaration implements Family {

    /** The safety functions a clause may name in its {@code function} option; {@code all} takes every declared one. */
    static final List<String> FUNCTIONS = List.of("emergency-stop", "protective-stop", "speed-limit", "separation-monitoring",
            "power-force-limiting", "workspace-limit", "balance-stop", "reset");

    private static final Map<String, DeclaredCheck> CHECKS = index(List.of(new PerformanceLevelCheck(), new PfhdBandCheck(), new ArchitectureCheck(),
            new ArmClassCheck(), new ManifestCheck()));

    private static Map<String, DeclaredCheck> index(List<DeclaredCheck> checks) {
        Map<String, DeclaredCheck> out = new LinkedHashMap<>();
        checks.forEach(c -> out.put(c.name(), c));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public String name() {
        return "declaration";
    }

    @Override
    public String summary() {
        return "what the robot's declaration manifest states agrees with the standard's rules and with the telemetry";
    }

    @Override
    public List<OptionName> options() {
        List<String> functions = new ArrayList<>(List.of("all"));
        functions.addAll(FUNCTIONS);
        return List.of(new OptionName("check", List.copyOf(CHECKS.keySet()), "which check of the declaration the clause makes"),
                new OptionName("function", functions, "which declared safety function a check of safety functions reads"));
    }

    @Override
    public List<LimitName> limits() {
        Map<String, LimitName> out = new LinkedHashMap<>();
        CHECKS.values().forEach(c -> c.limits().forEach(l -> out.putIfAbsent(l.name(), l)));
        return List.copyOf(out.values());
    }

    @Override
    public List<ParameterName> parameters() {
        return List.of(ParameterName.optional("maxSampleGap", Dimension.TIME, POSITIVE, new Quantity(50, Unit.MILLISECOND),
                "longest gap in the samples a check of the telemetry reads that still counts as evidence"));
    }

    private static DeclaredCheck check(ClauseSetup c) {
        DeclaredCheck check = CHECKS.get(c.option("check"));
        if (check == null) {
            throw new IllegalStateException("no declaration check " + c.option("check"));
        }
        return check;
    }

    @Override
    public Set<Role> requiredRoles(ClauseSetup clause) {
        return EnumSet.copyOf(check(clause).roles());
    }

    @Override
    public Set<Role> optionalRoles(ClauseSetup clause) {
        return EnumSet.noneOf(Role.class);
    }

    @Override
    public Evaluator evaluator(ClauseSetup clause) {
        if (!clause.robot().declaration().given()) {
            return DeclaredCheck.document(clause, (c, out) -> out.problem(
                    "robot profile %s has no declaration section (declaration:), so there is nothing to check".formatted(c.robot().profile())));
        }
        return check(clause).evaluator(clause);
    }

    /** Nothing to do on a live robot: the check reads the declaration (and watches for as long as it reads telemetry). */
    @Override
    public LiveAction liveAction(ClauseSetup clause) {
        return new LiveAction(s -> {}, check(clause).observe());
    }
}
