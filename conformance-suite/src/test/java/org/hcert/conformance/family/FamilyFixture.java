package org.hcert.conformance.family;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.quantity.Unit;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Reading;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.ImuSample;
import org.hcert.telemetry.JointStateSample;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.Vector3;
import org.hcert.telemetry.mapping.Role;
import org.hcert.telemetry.mapping.SignalMapping;

/**
 * A clause of one family for a test robot, with the limits, parameters and options of the bundled
 * standard profile ({@code profiles/standards/heis-2026.yaml}; {@link FamilyFixtureTest} keeps them
 * equal), each changeable with a {@code with…} method; it pushes samples through the family's
 * evaluator and returns the evidence. The static methods build samples; times are in ms from
 * {@link #T0}.
 *
 * <p>The robot declares joints {@code a} and {@code b} (soft limits ±1 rad), a stopping time of 600 ms
 * (the stop-response clause's {@code stopTime} limit) and a nominal pelvis height of 0.9 m.
 *
 * @param family the family under test
 * @param clauseId the clause of heis-2026 whose values are the defaults
 * @param limits the resolved limits by name
 * @param parameters the parameters by name, in the profile's units
 * @param options the options by name
 * @param joints the robot's declared joints
 * @param declared the robot's declared values
 */
record FamilyFixture(Family family, String clauseId, Map<String, Limit> limits, Map<String, Quantity> parameters,
        Map<String, String> options, List<DeclaredJoint> joints, Map<String, Quantity> declared) {

    /** 2026-03-01T08:00:00Z, the zero of every test's time axis. */
    static final long T0 = 1_772_352_000_000_000_000L;
    static final Path ROBOT_PROFILE = Path.of("robot.yaml");
    static final String JOINTS_TOPIC = "/joint_states";
    static final String ODOM_TOPIC = "/odom";
    static final String IMU_TOPIC = "/imu/torso";
    static final String SAFETY_TOPIC = "/safety/state";
    static final String EVENTS_TOPIC = "/events";

    FamilyFixture {
        limits = Map.copyOf(limits);
        parameters = Map.copyOf(parameters);
        options = Map.copyOf(options);
        joints = List.copyOf(joints);
        declared = Map.copyOf(declared);
    }

    // ---- clauses of heis-2026.yaml ----

    /** SE-ESTOP-01: stop-response, trigger estop. */
    static FamilyFixture stopResponse() {
        return of(new StopResponse(), "SE-ESTOP-01", Map.of("trigger", "estop"),
                List.of(new Limit("stopTime", q(600, Unit.MILLISECOND), Comparison.AT_MOST, "D",
                                "robot declaration declared.stopTime in " + ROBOT_PROFILE),
                        limit("driveEnabledAtEnd", 0, Unit.RATIO, Comparison.AT_MOST, "C")),
                Map.of("standstillJointSpeed", q(0.01, Unit.RADIAN_PER_SECOND),
                        "standstillBaseSpeed", q(0.01, Unit.METRE_PER_SECOND),
                        "standstillBaseTurnRate", q(0.01, Unit.RADIAN_PER_SECOND),
                        "standstillSmoothing", q(9, Unit.MILLISECOND),
                        "observationWindow", q(3, Unit.SECOND),
                        "minStandstillHold", q(0.2, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "maxTriggerUncertainty", q(20, Unit.MILLISECOND)));
    }

    /** SE-ESTOP-02: no-restart-after-reset, after estop-reset. */
    static FamilyFixture restartAfterReset() {
        return of(new RestartAfterReset(), "SE-ESTOP-02", Map.of("after", "estop-reset"),
                List.of(limit("jointSpeedAfterReset", 0.01, Unit.RADIAN_PER_SECOND, Comparison.AT_MOST, "I"),
                        limit("baseSpeedAfterReset", 0.01, Unit.METRE_PER_SECOND, Comparison.AT_MOST, "I"),
                        limit("baseTurnRateAfterReset", 0.01, Unit.RADIAN_PER_SECOND, Comparison.AT_MOST, "I")),
                Map.of("observationWindow", q(3, Unit.SECOND),
                        "minObservation", q(1, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "stopSettle", q(3, Unit.SECOND)));
    }

    /** LC-JNT-01: joint-range. */
    static FamilyFixture jointRange() {
        return of(new JointRange(), "LC-JNT-01", Map.of(),
                List.of(limit("jointOverrun", 0, Unit.RADIAN, Comparison.AT_MOST, "D")),
                Map.of("maxSampleGap", q(50, Unit.MILLISECOND), "minDuration", q(1, Unit.SECOND)));
    }

    /** SE-BAL-01: posture-after-stop, trigger any-stop. */
    static FamilyFixture postureAfterStop() {
        return of(new PostureAfterStop(), "SE-BAL-01", Map.of("trigger", "any-stop"),
                List.of(limit("trunkTilt", 60, Unit.DEGREE, Comparison.AT_MOST, "I"),
                        limit("pelvisHeightRatio", 30, Unit.PERCENT, Comparison.AT_LEAST, "I")),
                Map.of("walkingSpeed", q(0.2, Unit.METRE_PER_SECOND),
                        "observationWindow", q(3, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "maxTriggerUncertainty", q(20, Unit.MILLISECOND)));
    }

    /** SE-NSTOP-01: stop-response, trigger normal-stop, with the fault events counted. */
    static FamilyFixture normalStop() {
        return of(new StopResponse(), "SE-NSTOP-01", Map.of("trigger", "normal-stop"),
                List.of(new Limit("stopTime", q(600, Unit.MILLISECOND), Comparison.AT_MOST, "D",
                                "robot declaration declared.normalStopTime in " + ROBOT_PROFILE),
                        limit("faultEvents", 0, Unit.COUNT, Comparison.AT_MOST, "C")),
                Map.of("standstillJointSpeed", q(0.01, Unit.RADIAN_PER_SECOND),
                        "standstillBaseSpeed", q(0.01, Unit.METRE_PER_SECOND),
                        "standstillBaseTurnRate", q(0.01, Unit.RADIAN_PER_SECOND),
                        "standstillSmoothing", q(9, Unit.MILLISECOND),
                        "observationWindow", q(3, Unit.SECOND),
                        "minStandstillHold", q(0.2, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND)));
    }

    /** SE-STOP-08: no-restart-after-reset, after power-restored. */
    static FamilyFixture restartAfterPower() {
        return of(new RestartAfterReset(), "SE-STOP-08", Map.of("after", "power-restored"),
                List.of(limit("jointSpeedAfterReset", 0.01, Unit.RADIAN_PER_SECOND, Comparison.AT_MOST, "I"),
                        limit("baseSpeedAfterReset", 0.01, Unit.METRE_PER_SECOND, Comparison.AT_MOST, "I"),
                        limit("baseTurnRateAfterReset", 0.01, Unit.RADIAN_PER_SECOND, Comparison.AT_MOST, "I")),
                Map.of("observationWindow", q(3, Unit.SECOND),
                        "minObservation", q(1, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "stopSettle", q(0.5, Unit.SECOND),
                        "maxTriggerUncertainty", q(20, Unit.MILLISECOND)));
    }

    /** SE-BAL-02: posture-after-stop, trigger power-loss, while standing. */
    static FamilyFixture postureAfterPowerLoss() {
        return of(new PostureAfterStop(), "SE-BAL-02", Map.of("trigger", "power-loss", "while", "standing"),
                List.of(limit("trunkTilt", 60, Unit.DEGREE, Comparison.AT_MOST, "I"),
                        limit("pelvisHeightRatio", 30, Unit.PERCENT, Comparison.AT_LEAST, "I")),
                Map.of("walkingSpeed", q(0.2, Unit.METRE_PER_SECOND),
                        "observationWindow", q(3, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "maxTriggerUncertainty", q(20, Unit.MILLISECOND)));
    }

    /** SE-FS-03: event-sequence, a passed self-test before drive enable, none after a failed one. */
    static FamilyFixture powerOnSequence() {
        return of(new EventSequence(), "SE-FS-03", Map.of("opens", "power_restored", "closes", "power_lost",
                        "first", "self_test_passed", "then", "drive_enabled", "blockedBy", "self_test_failed"),
                List.of(limit("unpermittedEvents", 0, Unit.COUNT, Comparison.AT_MOST, "C")),
                Map.of("observationWindow", q(30, Unit.SECOND),
                        "minObservation", q(1, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "maxTriggerUncertainty", q(20, Unit.MILLISECOND),
                        "settle", q(0.5, Unit.SECOND),
                        "hold", q(0.5, Unit.SECOND)));
    }

    /** SE-ESTOP-03: event-sequence, the e-stop state held from the release to the reset, no drive enable. */
    static FamilyFixture estopLatch() {
        return of(new EventSequence(), "SE-ESTOP-03", Map.of("opens", "estop_released", "closes", "estop_reset",
                        "then", "drive_enabled", "holds", "estop"),
                List.of(limit("unpermittedEvents", 0, Unit.COUNT, Comparison.AT_MOST, "C"),
                        limit("stateLapses", 0, Unit.COUNT, Comparison.AT_MOST, "C")),
                Map.of("observationWindow", q(30, Unit.SECOND),
                        "minObservation", q(1, Unit.SECOND),
                        "maxSampleGap", q(50, Unit.MILLISECOND),
                        "settle", q(1, Unit.SECOND),
                        "hold", q(1.2, Unit.SECOND)));
    }

    /** SE-SPD-01: cartesian-speed, every span of manual_reduced, world reference, hands and tools. */
    static FamilyFixture cartesianSpeed() {
        return of(new CartesianSpeed(), "SE-SPD-01",
                Map.of("window", "mode-span", "mode", "manual_reduced", "reference", "world", "frames", "hands-and-tools"),
                List.of(limit("frameSpeed", 250, Unit.MILLIMETRE_PER_SECOND, Comparison.AT_MOST, "C")),
                Map.of("maxSampleGap", q(50, Unit.MILLISECOND), "maxModeUncertainty", q(20, Unit.MILLISECOND)));
    }

    /** SE-SPD-02: cartesian-speed, spans with a demand above the declared safe speed limit (250 mm/s, tolerance 10 mm/s). */
    static FamilyFixture overLimitDemand() {
        return of(new CartesianSpeed(), "SE-SPD-02",
                Map.of("window", "over-limit-demand", "mode", "manual_reduced", "reference", "world", "frames", "hands-and-tools"),
                List.of(new Limit("frameSpeedOverSafeLimit", q(10, Unit.MILLIMETRE_PER_SECOND), Comparison.AT_MOST, "D",
                                "robot declaration declared.safeSpeedTolerance in " + ROBOT_PROFILE),
                        limit("limitingEventLogged", 1, Unit.RATIO, Comparison.AT_LEAST, "C")),
                Map.of("maxSampleGap", q(50, Unit.MILLISECOND), "maxModeUncertainty", q(20, Unit.MILLISECOND)))
                .withDeclared("safeSpeedLimit", q(250, Unit.MILLIMETRE_PER_SECOND))
                .withDeclared("safeSpeedTolerance", q(10, Unit.MILLIMETRE_PER_SECOND));
    }

    /** CM-LOC-01: trials, straight segments, the mean against a declared rated speed of 0.45 m/s. */
    static FamilyFixture segmentTrials() {
        return of(new Trials(), "CM-LOC-01", Map.of("trial", "straight-segment", "statistic", "mean"),
                List.of(new Limit("segmentSpeed", q(0.45, Unit.METRE_PER_SECOND), Comparison.AT_LEAST, "D",
                        "robot declaration declared.ratedWalkSpeed in " + ROBOT_PROFILE)),
                trialParameters(Map.of("minTrials", q(3, Unit.COUNT), "confidence", q(95, Unit.PERCENT),
                        "accelerationDistance", q(0.5, Unit.METRE), "segmentLength", q(1, Unit.METRE))))
                .withDeclared("ratedWalkSpeed", q(0.45, Unit.METRE_PER_SECOND));
    }

    /** CM-LOC-02: trials, stops at a declared rated speed of 0.45 m/s, every trial and the 90/90 bound; declared 0.15 m and 600 ms. */
    static FamilyFixture stopTrials() {
        return of(new Trials(), "CM-LOC-02", Map.of("trial", "stop-at-speed", "statistic", "every-trial"),
                List.of(new Limit("stoppingDistance", q(0.15, Unit.METRE), Comparison.AT_MOST, "D",
                                "robot declaration declared.stoppingDistance in " + ROBOT_PROFILE),
                        new Limit("stoppingTime", q(600, Unit.MILLISECOND), Comparison.AT_MOST, "D",
                                "robot declaration declared.stoppingTime in " + ROBOT_PROFILE)),
                trialParameters(Map.of("minTrials", q(5, Unit.COUNT), "confidence", q(90, Unit.PERCENT),
                        "percentile", q(90, Unit.PERCENT), "speedTolerance", q(0.05, Unit.METRE_PER_SECOND),
                        "approachWindow", q(1, Unit.SECOND), "minStandstillHold", q(0.2, Unit.SECOND),
                        "observationWindow", q(3, Unit.SECOND), "walkBeforeStop", q(2, Unit.SECOND))))
                .withDeclared("ratedWalkSpeed", q(0.45, Unit.METRE_PER_SECOND))
                .withDeclared("stoppingDistance", q(0.15, Unit.METRE))
                .withDeclared("stoppingTime", q(600, Unit.MILLISECOND));
    }

    /** The trials family's parameters: its defaults, then {@code given}. */
    private static Map<String, Quantity> trialParameters(Map<String, Quantity> given) {
        Map<String, Quantity> all = new LinkedHashMap<>();
        new Trials().parameters().forEach(p -> p.fallback().ifPresent(f -> all.put(p.name(), f)));
        all.put("maxSampleGap", q(50, Unit.MILLISECOND));
        all.put("standstillBaseSpeed", q(0.01, Unit.METRE_PER_SECOND));
        all.put("standstillBaseTurnRate", q(0.01, Unit.RADIAN_PER_SECOND));
        all.putAll(given);
        return all;
    }

    private static FamilyFixture of(Family family, String clauseId, Map<String, String> options, List<Limit> limits,
            Map<String, Quantity> parameters) {
        Map<String, Limit> byName = new LinkedHashMap<>();
        limits.forEach(l -> byName.put(l.name(), l));
        return new FamilyFixture(family, clauseId, byName, parameters, options,
                List.of(new DeclaredJoint("a", -1, 1, 8), new DeclaredJoint("b", -1, 1, 8)),
                Map.of("stopTime", q(600, Unit.MILLISECOND), "normalStopTime", q(600, Unit.MILLISECOND),
                        "nominalPelvisHeight", q(0.9, Unit.METRE)));
    }

    private static Limit limit(String name, double value, Unit unit, Comparison comparison, String evidence) {
        return new Limit(name, q(value, unit), comparison, evidence, "standard profile heis-2026.yaml");
    }

    static Quantity q(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    // ---- changes ----

    FamilyFixture with(String parameter, double value, Unit unit) {
        Map<String, Quantity> p = new LinkedHashMap<>(parameters);
        p.put(parameter, q(value, unit));
        return new FamilyFixture(family, clauseId, limits, p, options, joints, declared);
    }

    FamilyFixture withOption(String name, String value) {
        Map<String, String> o = new LinkedHashMap<>(options);
        o.put(name, value);
        return new FamilyFixture(family, clauseId, limits, parameters, o, joints, declared);
    }

    FamilyFixture withoutLimit(String name) {
        Map<String, Limit> l = new LinkedHashMap<>(limits);
        l.remove(name);
        return new FamilyFixture(family, clauseId, l, parameters, options, joints, declared);
    }

    FamilyFixture withJoints(DeclaredJoint... declaredJoints) {
        return new FamilyFixture(family, clauseId, limits, parameters, options, List.of(declaredJoints), declared);
    }

    /** The robot declares joints of these names, soft limits ±1 rad. */
    FamilyFixture withJoints(String... names) {
        return withJoints(java.util.Arrays.stream(names).map(n -> new DeclaredJoint(n, -1, 1, 8)).toArray(DeclaredJoint[]::new));
    }

    FamilyFixture withDeclared(String key, Quantity value) {
        Map<String, Quantity> d = new LinkedHashMap<>(declared);
        d.put(key, value);
        return new FamilyFixture(family, clauseId, limits, parameters, options, joints, d);
    }

    FamilyFixture withoutDeclared(String key) {
        Map<String, Quantity> d = new LinkedHashMap<>(declared);
        d.remove(key);
        return new FamilyFixture(family, clauseId, limits, parameters, options, joints, d);
    }

    // ---- evaluation ----

    /** The clause resolved for the test robot, parameters in SI. */
    ClauseSetup setup() {
        return setup(List.of());
    }

    /** The clause resolved for the test robot with the kinematic frames {@code kinematics}, parameters in SI. */
    ClauseSetup setup(List<KinematicFrame> kinematics) {
        Map<String, Double> si = new LinkedHashMap<>();
        parameters.forEach((name, value) -> si.put(name, value.si()));
        // The family's defaults for what the fixture leaves out, as the profile's resolver fills them in.
        family.parameters().forEach(p -> p.fallback().ifPresent(q -> si.putIfAbsent(p.name(), q.si())));
        Map<String, String> options = new LinkedHashMap<>(this.options);
        family.options().forEach(o -> options.putIfAbsent(o.name(), o.defaultValue()));
        SignalMapping topics = SignalMapping.of(Map.of(Role.JOINTS, List.of(JOINTS_TOPIC), Role.ODOMETRY, List.of(ODOM_TOPIC),
                Role.IMU, List.of(IMU_TOPIC), Role.SAFETY_STATE, List.of(SAFETY_TOPIC), Role.EVENTS, List.of(EVENTS_TOPIC)));
        return new ClauseSetup(clauseId, family, limits, Map.of(), si, options,
                new RobotFacts(ROBOT_PROFILE, joints, declared, topics, kinematics));
    }

    /** Push {@code samples} in list order, then finish at the last one's log time (none: {@code Long.MIN_VALUE}). */
    ClauseEvidence evaluate(List<? extends Sample> samples) {
        return evaluate(samples, samples.isEmpty() ? Long.MIN_VALUE : samples.get(samples.size() - 1).tNs());
    }

    /** Push {@code samples} in list order, then finish at {@code endNs}. */
    ClauseEvidence evaluate(List<? extends Sample> samples, long endNs) {
        Evaluator evaluator = family.evaluator(setup());
        samples.forEach(evaluator::accept);
        return evaluator.finish(endNs);
    }

    /** Push {@code samples} in list order to the clause of a robot with frames {@code kinematics}, then finish at {@code endNs}. */
    ClauseEvidence evaluate(List<KinematicFrame> kinematics, List<? extends Sample> samples, long endNs) {
        Evaluator evaluator = family.evaluator(setup(kinematics));
        samples.forEach(evaluator::accept);
        return evaluator.finish(endNs);
    }

    /** The one reading of {@code limit}. */
    static Reading single(ClauseEvidence evidence, String limit) {
        List<Reading> readings = evidence.readings(limit);
        assertThat(readings).as("readings of %s", limit).hasSize(1);
        return readings.get(0);
    }

    // ---- samples; times in ms from T0 ----

    static long at(double ms) {
        return T0 + Math.round(ms * 1e6);
    }

    /** {@code samples} in log-time order; samples of the same instant keep their order. */
    static List<Sample> sorted(List<? extends Sample> samples) {
        List<Sample> out = new ArrayList<>(samples);
        out.sort(Comparator.comparingLong(Sample::tNs));
        return out;
    }

    /** Joints {@code a} (given position and velocity) and {@code b} (at rest at 0). */
    static JointStateSample joints(double ms, double positionRad, double velocityRadS) {
        return joints(ms, List.of("a", "b"), new double[] {positionRad, 0}, new double[] {velocityRadS, 0});
    }

    /** The named joints, in the order given, with positions and velocities. */
    static JointStateSample joints(double ms, List<String> names, double[] positionRad, double[] velocityRadS) {
        return new JointStateSample(at(ms), JOINTS_TOPIC, names, positionRad, velocityRadS, new double[0]);
    }

    /** The named joints with positions only, as a {@code JointState} without velocities. */
    static JointStateSample positions(double ms, List<String> names, double... positionRad) {
        return new JointStateSample(at(ms), JOINTS_TOPIC, names, positionRad, new double[0], new double[0]);
    }

    /** Base moving forward (x) at {@code speedMps}, pelvis at {@code heightM}, not turning. */
    static OdometrySample odom(double ms, double speedMps, double heightM) {
        return odom(ms, new Vector3(speedMps, 0, 0), Vector3.ZERO, heightM);
    }

    /** Base with the given twist (m/s, rad/s, base frame), pelvis at 0.9 m. */
    static OdometrySample twist(double ms, Vector3 linearMps, Vector3 angularRadS) {
        return odom(ms, linearMps, angularRadS, 0.9);
    }

    static OdometrySample odom(double ms, Vector3 linearMps, Vector3 angularRadS, double heightM) {
        return new OdometrySample(at(ms), ODOM_TOPIC, new Vector3(0, 0, heightM), Quaternion.IDENTITY, linearMps, angularRadS);
    }

    /** Safety state in mode {@code auto}, no protective stop. */
    static SafetyStateSample safety(double ms, boolean estop, boolean driveEnabled) {
        return safety(ms, "auto", estop, false, driveEnabled);
    }

    static SafetyStateSample safety(double ms, String mode, boolean estop, boolean protectiveStop, boolean driveEnabled) {
        return new SafetyStateSample(at(ms), SAFETY_TOPIC, mode, estop, protectiveStop, driveEnabled);
    }

    static EventSample event(double ms, String kind) {
        return new EventSample(at(ms), EVENTS_TOPIC, kind, "");
    }

    /** A safety state in mode {@code mode} with the e-stop input and drive power as given, no protective stop. */
    static SafetyStateSample state(double ms, String mode, boolean estop, boolean driveEnabled) {
        return safety(ms, mode, estop, false, driveEnabled);
    }

    /** Trunk pitched forward by {@code pitchRad} about the y axis. */
    static ImuSample imu(double ms, double pitchRad) {
        return new ImuSample(at(ms), IMU_TOPIC, Quaternion.fromAxisAngle(0, 1, 0, pitchRad), Vector3.ZERO, new Vector3(0, 0, 9.81));
    }

    /** The unit vector of {@code axis} (x, y or z) times {@code length}. */
    static Vector3 along(String axis, double length) {
        return switch (axis) {
            case "x" -> new Vector3(length, 0, 0);
            case "y" -> new Vector3(0, length, 0);
            case "z" -> new Vector3(0, 0, length);
            default -> throw new IllegalArgumentException("no axis " + axis);
        };
    }
}
