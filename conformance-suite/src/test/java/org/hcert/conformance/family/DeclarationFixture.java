package org.hcert.conformance.family;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.quantity.PerformanceLevel;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.EvidencePolicy;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Verdict;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A clause of the declaration family for a test robot whose declaration manifest is built in Java,
 * with the limits of the bundled standard profile's clauses; each reading is judged as a Then-step
 * would judge it.
 *
 * @param options the clause's options
 * @param limits the clause's limits by name
 * @param declaration the robot's declaration
 * @param joints how many joints the robot profile declares
 */
record DeclarationFixture(Map<String, String> options, Map<String, Limit> limits, RobotDeclaration declaration, int joints) {

    static final Path PROFILE = Path.of("robot.yaml");

    static DeclarationFixture of(String check, String function, Limit... limits) {
        Map<String, Limit> byName = new LinkedHashMap<>();
        for (Limit l : limits) {
            byName.put(l.name(), l);
        }
        return new DeclarationFixture(Map.of("check", check, "function", function), byName, declaration(List.of(), List.of()), 20);
    }

    static Limit limit(String name, double value, Unit unit, Comparison comparison, String evidence) {
        return new Limit(name, new Quantity(value, unit), comparison, evidence, "standard profile heis-2026.yaml");
    }

    static Limit pl(String name, String level, String evidence) {
        return new Limit(name, PerformanceLevel.parse(level).orElseThrow().quantity(), Comparison.AT_LEAST, evidence,
                "standard profile heis-2026.yaml");
    }

    static Quantity q(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    static RobotDeclaration declaration(List<RobotDeclaration.SafetyFunction> functions, List<RobotDeclaration.Arm> arms) {
        return new RobotDeclaration(true, Optional.of("mobile-servant"), Optional.of("biped"), Optional.of(20),
                Optional.of(q(60, Unit.KILOGRAM)), Optional.of(q(1, Unit.METRE_PER_SECOND)), Optional.of(q(600, Unit.MILLISECOND)),
                Optional.of(q(0.5, Unit.METRE)), Optional.of(q(2, Unit.METRE)), arms, functions, List.of(), Map.of());
    }

    DeclarationFixture withFunctions(RobotDeclaration.SafetyFunction... functions) {
        RobotDeclaration d = declaration;
        return with(new RobotDeclaration(true, d.iso13482Type(), d.locomotion(), d.dof(), d.mass(), d.ratedSpeed(), d.stoppingTime(),
                d.stoppingDistance(), d.fallZoneRadius(), d.arms(), List.of(functions), d.models(), d.lines()));
    }

    DeclarationFixture withArms(RobotDeclaration.Arm... arms) {
        RobotDeclaration d = declaration;
        return with(new RobotDeclaration(true, d.iso13482Type(), d.locomotion(), d.dof(), d.mass(), d.ratedSpeed(), d.stoppingTime(),
                d.stoppingDistance(), d.fallZoneRadius(), List.of(arms), d.safetyFunctions(), d.models(), d.lines()));
    }

    DeclarationFixture with(RobotDeclaration d) {
        return new DeclarationFixture(options, limits, d, joints);
    }

    DeclarationFixture withJoints(int count) {
        return new DeclarationFixture(options, limits, declaration, count);
    }

    /** A safety function with the given PL and nothing else declared. */
    static RobotDeclaration.SafetyFunction function(String name, String pl) {
        return new RobotDeclaration.SafetyFunction(name, "declaration.safetyFunctions[0]", PerformanceLevel.parse(pl),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** A safety function with the given PL, PLr (empty: none) and PFH_D (NaN: none). */
    static RobotDeclaration.SafetyFunction function(String name, String pl, String plr, double pfhdPerHour) {
        return new RobotDeclaration.SafetyFunction(name, "declaration.safetyFunctions[0]", PerformanceLevel.parse(pl),
                PerformanceLevel.parse(plr), Double.isNaN(pfhdPerHour) ? Optional.empty() : Optional.of(q(pfhdPerHour, Unit.PER_HOUR)),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** SE-FS-01 of heis-2026.yaml: PL at least PLr (d, e-stop c, reset b), PFH_D in the band of the PL. */
    static DeclarationFixture fs01() {
        return of("pl-and-pfhd", "all", pl("requiredPl", "d", "C"), pl("requiredPlEmergencyStop", "c", "C"),
                pl("requiredPlReset", "b", "C"),
                limit("pfhdPlA", 1e-4, Unit.PER_HOUR, Comparison.BELOW, "C"), limit("pfhdPlB", 1e-5, Unit.PER_HOUR, Comparison.BELOW, "C"),
                limit("pfhdPlC", 3e-6, Unit.PER_HOUR, Comparison.BELOW, "C"), limit("pfhdPlD", 1e-6, Unit.PER_HOUR, Comparison.BELOW, "C"),
                limit("pfhdPlE", 1e-7, Unit.PER_HOUR, Comparison.BELOW, "C"),
                limit("pfhdFloor", 1e-8, Unit.PER_HOUR, Comparison.AT_LEAST, "C"));
    }

    /** SE-FS-02 of heis-2026.yaml: DC in the band of its level, MTTF_D 3 to 100 years per channel, CCF at least 65. */
    static DeclarationFixture fs02() {
        return of("architecture", "all", limit("dcLow", 60, Unit.PERCENT, Comparison.AT_LEAST, "C"),
                limit("dcMedium", 90, Unit.PERCENT, Comparison.AT_LEAST, "C"), limit("dcHigh", 99, Unit.PERCENT, Comparison.AT_LEAST, "C"),
                limit("mttfdMin", 3, Unit.YEAR, Comparison.AT_LEAST, "C"), limit("mttfdMax", 100, Unit.YEAR, Comparison.AT_MOST, "C"),
                limit("ccfScore", 65, Unit.COUNT, Comparison.AT_LEAST, "C"));
    }

    /** A safety function with the given category, DC level, DC (%, NaN: none), MTTF_D per channel (years) and CCF (NaN: none). */
    static RobotDeclaration.SafetyFunction architecture(String category, String dcLevel, double dcPercent, double ccf, double... mttfdYears) {
        return new RobotDeclaration.SafetyFunction("protective-stop", "declaration.safetyFunctions[1]", PerformanceLevel.parse("d"),
                Optional.empty(), Optional.empty(), category.isEmpty() ? Optional.empty() : Optional.of(category),
                dcLevel.isEmpty() ? Optional.empty() : Optional.of(dcLevel),
                Double.isNaN(dcPercent) ? Optional.empty() : Optional.of(q(dcPercent, Unit.PERCENT)),
                java.util.Arrays.stream(mttfdYears).mapToObj(y -> q(y, Unit.YEAR)).toList(),
                Double.isNaN(ccf) ? Optional.empty() : Optional.of(ccf));
    }

    /** SE-CLS-01 of heis-2026.yaml: Class I only within 10 kg, 250 mm/s and 50 N; recorded wrist force within the declared one. */
    static DeclarationFixture cls01() {
        return of("arm-class", "all", limit("classIMass", 10, Unit.KILOGRAM, Comparison.AT_MOST, "C"),
                limit("classITcpSpeed", 250, Unit.MILLIMETRE_PER_SECOND, Comparison.AT_MOST, "C"),
                limit("classIForce", 50, Unit.NEWTON, Comparison.AT_MOST, "C"),
                limit("wristForceOverrun", 0, Unit.NEWTON, Comparison.AT_MOST, "D"));
    }

    /** An arm {@code left} of the given class, mass (kg), TCP speed (mm/s) and force (N); NaN leaves a value out. */
    static RobotDeclaration.Arm arm(String declaredClass, double massKg, double speedMmS, double forceN) {
        return new RobotDeclaration.Arm("left", "declaration.arms[0]", declaredClass.isEmpty() ? Optional.empty() : Optional.of(declaredClass),
                Double.isNaN(massKg) ? Optional.empty() : Optional.of(q(massKg, Unit.KILOGRAM)),
                Double.isNaN(speedMmS) ? Optional.empty() : Optional.of(q(speedMmS, Unit.MILLIMETRE_PER_SECOND)),
                Double.isNaN(forceN) ? Optional.empty() : Optional.of(q(forceN, Unit.NEWTON)), Optional.empty(),
                Optional.of("/wrist/left/ft"));
    }

    /** The verdict of every reading, whatever its limit, in the order gathered. */
    List<Verdict> allVerdicts(ClauseEvidence evidence) {
        List<Verdict> out = new ArrayList<>();
        evidence.readings().keySet().forEach(name -> out.addAll(verdicts(evidence, name)));
        return out;
    }

    ClauseSetup setup() {
        List<DeclaredJoint> declared = new ArrayList<>();
        for (int i = 0; i < joints; i++) {
            declared.add(new DeclaredJoint("j" + i, -1, 1, 8));
        }
        SignalMapping topics = SignalMapping.of(Map.of(Role.WRENCHES, List.of("/wrist/left/ft", "/wrist/right/ft")));
        return new ClauseSetup("TEST-DECL-01", new Declaration(), limits, Map.of(), Map.of("maxSampleGap", 0.05), options,
                new RobotFacts(PROFILE, declared, Map.of(), topics, "HC1-DEMO-0001", Set.of("arms"), declaration));
    }

    ClauseEvidence evaluate(List<? extends Sample> samples) {
        Evaluator e = new Declaration().evaluator(setup());
        samples.forEach(e::accept);
        return e.finish(samples.isEmpty() ? Long.MIN_VALUE : samples.get(samples.size() - 1).tNs());
    }

    ClauseEvidence evaluate() {
        return evaluate(List.of());
    }

    /** Each reading of {@code limit} judged as the Then-step judges it; a reading without a value is absent. */
    List<Measurement> judged(ClauseEvidence evidence, String limit) {
        List<Measurement> out = new ArrayList<>();
        for (Reading r : evidence.readings(limit)) {
            EvidencePolicy.judge(limit, r, r.limit().orElse(limits.get(limit)), "test").ifPresent(out::add);
        }
        return out;
    }

    /** The verdict of every reading of {@code limit}, in order; a reading without a value is INCONCLUSIVE. */
    List<Verdict> verdicts(ClauseEvidence evidence, String limit) {
        List<Verdict> out = new ArrayList<>();
        for (Reading r : evidence.readings(limit)) {
            out.add(EvidencePolicy.judge(limit, r, r.limit().orElse(limits.get(limit)), "test").map(Measurement::verdict)
                    .orElse(Verdict.INCONCLUSIVE));
        }
        return out;
    }
}
