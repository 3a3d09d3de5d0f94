package org.hcert.conformance.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.pass.SharedPass;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.telemetry.TelemetrySource;
import org.jspecify.annotations.Nullable;

/**
 * What one certification run is about (robot, standard, telemetry) and what it has found so far.
 *
 * <p>Cucumber instantiates glue and plugins itself, so the run installs its context here before
 * launching and removes it afterwards; only one run at a time per JVM.
 */
public final class CertificationContext {

    private static volatile @Nullable CertificationContext current;

    private final RobotProfile robot;
    private final StandardProfile standard;
    private final TelemetrySource telemetry;
    private final Map<String, List<Measurement>> measurementsByScenario = new HashMap<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> featureSha256 = new java.util.TreeMap<>();
    private final java.util.Set<String> telemetryProblems = new java.util.LinkedHashSet<>();
    private final SharedPass sharedPass = new SharedPass();
    private boolean rehearsing;
    private @Nullable String scenarioId;
    private @Nullable String scenarioLocation;
    private @Nullable Clause clause;
    private @Nullable LiveSession live;
    private @Nullable TelemetrySource scenarioTelemetry;

    public CertificationContext(RobotProfile robot, StandardProfile standard, TelemetrySource telemetry) {
        this.robot = Objects.requireNonNull(robot, "robot must not be null");
        this.standard = Objects.requireNonNull(standard, "standard must not be null");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry must not be null");
    }

    /** Make this a live certification: When-steps act through {@code session}. */
    public CertificationContext live(LiveSession session) {
        this.live = Objects.requireNonNull(session, "session must not be null");
        return this;
    }

    /** The live session, when the robot is certified over a link rather than from a recording. */
    public Optional<LiveSession> liveSession() {
        return Optional.ofNullable(live);
    }

    /** The telemetry the running scenario's Then-steps judge: its live capture, else the recording. */
    public synchronized TelemetrySource scenarioTelemetry() {
        TelemetrySource s = scenarioTelemetry;
        return s != null ? s : telemetry;
    }

    /** Set the telemetry the running scenario's Then-steps judge (its live capture). */
    public synchronized void useScenarioTelemetry(TelemetrySource source) {
        this.scenarioTelemetry = source;
    }

    /** The context of the running certification. */
    public static CertificationContext current() {
        CertificationContext c = current;
        if (c == null) {
            throw new IllegalStateException(
                    "no certification is running; run the features through hcert certify or FeatureRun");
        }
        return c;
    }

    static synchronized void install(CertificationContext context) {
        if (current != null) {
            throw new IllegalStateException("another certification is already running in this JVM");
        }
        current = context;
    }

    static synchronized void uninstall() {
        current = null;
    }

    public RobotProfile robot() {
        return robot;
    }

    public StandardProfile standard() {
        return standard;
    }

    public TelemetrySource telemetry() {
        return telemetry;
    }

    /** Start a scenario: the steps that follow record against it and read its clause's limits. */
    public synchronized void beginScenario(String id, @Nullable Clause clause) {
        beginScenario(id, id, clause);
    }

    /**
     * Start a scenario found at {@code location} (feature URI and line, the same in every run of the
     * features): the steps that follow record against it and read its clause's limits.
     */
    public synchronized void beginScenario(String id, String location, @Nullable Clause clause) {
        this.scenarioId = id;
        this.scenarioLocation = location;
        this.clause = clause;
        this.scenarioTelemetry = null;
    }

    /** The clause of the running scenario, if it is tagged with one the standard defines. */
    public synchronized Optional<Clause> clause() {
        return Optional.ofNullable(clause);
    }

    /** Where the running scenario is (feature URI and line), the key of its demand in the {@link #sharedPass()}. */
    public synchronized Optional<String> scenarioLocation() {
        return Optional.ofNullable(scenarioLocation);
    }

    /**
     * The one pass over the recording that serves every planned scenario's metric; it holds no
     * demand in a live run, where each scenario judges its own captured window.
     */
    public SharedPass sharedPass() {
        return sharedPass;
    }

    /**
     * Whether the features are being rehearsed: the scenarios run only to register what their
     * reading steps demand in the {@link #sharedPass()}, and nothing they do counts.
     */
    public synchronized boolean rehearsing() {
        return rehearsing;
    }

    synchronized void rehearse(boolean on) {
        this.rehearsing = on;
    }

    public synchronized void record(Measurement m) {
        if (rehearsing) {
            return;
        }
        String id = Objects.requireNonNull(scenarioId, "a measurement was recorded outside a scenario");
        measurementsByScenario.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
    }

    synchronized List<Measurement> measurements(String scenarioId) {
        return List.copyOf(measurementsByScenario.getOrDefault(scenarioId, List.of()));
    }

    synchronized void addOutcome(ScenarioOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Note that the telemetry could not be read, so the command line can say so once. */
    public synchronized void reportTelemetryProblem(String problem) {
        if (rehearsing) {
            return;
        }
        telemetryProblems.add(problem);
    }

    /** Distinct telemetry problems met during the run, in order. */
    public synchronized List<String> telemetryProblems() {
        return List.copyOf(telemetryProblems);
    }

    synchronized void addFeature(String uri, String sha256) {
        featureSha256.put(uri, sha256);
    }

    /** SHA-256 of every feature file Cucumber read, by URI. */
    public synchronized Map<String, String> featureSha256() {
        return Map.copyOf(featureSha256);
    }

    public synchronized List<ScenarioOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
