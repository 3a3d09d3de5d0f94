package org.hcert.conformance.family;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.telemetry.BatterySample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.TemperatureSample;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A clause of the signal-bound or stream-health family for a test robot, built limit by limit:
 * one value for every subject, or one per subject ({@link SubjectLimits}); the robot's joints,
 * declared values, streams and surfaces; parameters in the profile's units. Samples are pushed with
 * their message headers. Times are in ms from {@link FamilyFixture#T0}.
 *
 * @param family the family under test
 * @param limits limits with one value, by name
 * @param perSubject limits with a value per subject, by name
 * @param parameters parameters in the profile's units, by name
 * @param options options by name
 * @param robot what the family knows of the robot
 */
record SignalFixture(Family family, Map<String, Limit> limits, Map<String, SubjectLimits> perSubject,
        Map<String, Quantity> parameters, Map<String, String> options, RobotFacts robot) {

    static final String JOINTS = "/joint_states";
    static final String ODOM = "/odom";
    static final String SAFETY = "/safety/state";
    static final String BATTERY = "/battery";
    static final String TEMPERATURES = "/temperatures";
    static final SignalMapping TOPICS = SignalMapping.of(Map.of(Role.JOINTS, List.of(JOINTS), Role.ODOMETRY, List.of(ODOM),
            Role.SAFETY_STATE, List.of(SAFETY), Role.BATTERY, List.of(BATTERY), Role.TEMPERATURES, List.of(TEMPERATURES)));

    /** Signal-bound, joints {@code a} and {@code b}, a 50 ms gap at most, 1 s of samples at least, no limit yet. */
    static SignalFixture signalBound() {
        return new SignalFixture(new SignalBound(), Map.of(), Map.of(),
                Map.of("maxSampleGap", q(50, Unit.MILLISECOND), "minDuration", q(1, Unit.SECOND)), Map.of(),
                new RobotFacts(Path.of("robot.yaml"), List.of(new DeclaredJoint("a", -1, 1, 8), new DeclaredJoint("b", -1, 1, 8)),
                        Map.of(), TOPICS));
    }

    /** Stream-health, 2 s rate windows, clock of the safety state against the joints, no limit yet, no stream. */
    static SignalFixture streamHealth() {
        return new SignalFixture(new StreamHealth(), Map.of(), Map.of(), Map.of("rateWindow", q(2, Unit.SECOND)),
                Map.of("clockOf", "safety_state", "clockReference", "joints"),
                new RobotFacts(Path.of("robot.yaml"), List.of(), Map.of(), TOPICS));
    }

    static Quantity q(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    SignalFixture with(String parameter, double value, Unit unit) {
        Map<String, Quantity> p = new LinkedHashMap<>(parameters);
        p.put(parameter, q(value, unit));
        return new SignalFixture(family, limits, perSubject, p, options, robot);
    }

    /** This clause, also judging {@code name} against one value. */
    SignalFixture limit(String name, double value, Unit unit, Comparison comparison) {
        Map<String, Limit> l = new LinkedHashMap<>(limits);
        l.put(name, new Limit(name, q(value, unit), comparison, "I", "test"));
        return new SignalFixture(family, l, perSubject, parameters, options, robot);
    }

    /** This clause, also judging {@code name} against a value per subject (those without one have none). */
    SignalFixture perSubject(String name, Map<String, Quantity> values) {
        Map<String, SubjectLimits> p = new LinkedHashMap<>(perSubject);
        Map<String, Limit> by = new LinkedHashMap<>();
        values.forEach((subject, value) -> by.put(subject, new Limit(name, value, Comparison.AT_MOST, "D", "test")));
        p.put(name, new SubjectLimits("joint", name, by, Map.of()));
        return new SignalFixture(family, limits, p, parameters, options, robot);
    }

    SignalFixture robot(RobotFacts facts) {
        return new SignalFixture(family, limits, perSubject, parameters, options, facts);
    }

    SignalFixture joints(DeclaredJoint... joints) {
        return robot(new RobotFacts(robot.profile(), List.of(joints), robot.declared(), robot.topics(), robot.streams(),
                robot.surfaces()));
    }

    SignalFixture declared(String key, double value, Unit unit) {
        Map<String, Quantity> d = new LinkedHashMap<>(robot.declared());
        d.put(key, q(value, unit));
        return robot(new RobotFacts(robot.profile(), robot.joints(), d, robot.topics(), robot.streams(), robot.surfaces()));
    }

    SignalFixture streams(DeclaredStream... streams) {
        return robot(new RobotFacts(robot.profile(), robot.joints(), robot.declared(), robot.topics(), List.of(streams),
                robot.surfaces()));
    }

    SignalFixture surfaces(DeclaredSurface... surfaces) {
        return robot(new RobotFacts(robot.profile(), robot.joints(), robot.declared(), robot.topics(), robot.streams(),
                List.of(surfaces)));
    }

    static DeclaredSurface surface(String frame, String kind, String material) {
        return new DeclaredSurface(frame, kind, material, Optional.empty());
    }

    static DeclaredSurface surface(String frame, String kind, String material, double contactS) {
        return new DeclaredSurface(frame, kind, material, Optional.of(q(contactS, Unit.SECOND)));
    }

    ClauseSetup setup() {
        Map<String, Double> si = new LinkedHashMap<>();
        family.parameters().forEach(p -> si.put(p.name(), parameters.containsKey(p.name()) ? parameters.get(p.name()).si()
                : p.fallback().orElseThrow().si()));
        Map<String, String> o = new LinkedHashMap<>();
        family.options().forEach(opt -> o.put(opt.name(), options.getOrDefault(opt.name(), opt.defaultValue())));
        return new ClauseSetup("TEST-01", family, limits, Map.of(), si, o, robot, perSubject);
    }

    /** A sample with the header of its message. */
    record Stamped(Sample sample, MessageHeader header) {}

    ClauseEvidence evaluate(List<? extends Sample> samples) {
        Evaluator e = family.evaluator(setup());
        samples.forEach(e::accept);
        return e.finish(samples.isEmpty() ? Long.MIN_VALUE : samples.get(samples.size() - 1).tNs());
    }

    ClauseEvidence evaluateStamped(List<Stamped> samples, long endNs) {
        Evaluator e = family.evaluator(setup());
        samples.forEach(s -> e.accept(s.sample(), s.header()));
        return e.finish(endNs);
    }

    // ---- samples, times in ms from T0 ----

    static long at(double ms) {
        return FamilyFixture.at(ms);
    }

    static TemperatureSample temperature(double ms, String frame, double degC) {
        return new TemperatureSample(at(ms), TEMPERATURES, frame, degC);
    }

    /** The named joints with velocities and efforts (either may be empty: absent). */
    static JointStateSample joints(double ms, List<String> names, double[] velocityRadS, double[] effortNm) {
        return new JointStateSample(at(ms), JOINTS, names, new double[names.size()], velocityRadS, effortNm);
    }

    static BatterySample battery(double ms, double voltageV, double currentA, double temperatureDegC) {
        return new BatterySample(at(ms), BATTERY, voltageV, currentA, Double.NaN, temperatureDegC);
    }
}
