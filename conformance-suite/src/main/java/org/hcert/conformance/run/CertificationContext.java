package org.hcert.conformance.run;

import io.qameta.allure.AllureLifecycle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hcert.conformance.family.ClauseEvidence;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.telemetry.TelemetrySource;
import org.jspecify.annotations.Nullable;

/**
 * What one certification run is about (robot, standard, plan, telemetry) and what it has found so
 * far. Cucumber's glue and plugins receive it by injection ({@link HcertObjectFactory}); each run
 * has its own, so one JVM can run several certifications at once.
 */
public final class CertificationContext {

    private final String id = UUID.randomUUID().toString();
    private final RobotProfile robot;
    private final StandardProfile standard;
    private final Plan plan;
    private final TelemetrySource telemetry;
    private final Map<String, ScenarioRecord> scenarios = new HashMap<>();
    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<String, String> featureSha256 = new TreeMap<>();
    private final Set<String> telemetryProblems = new LinkedHashSet<>();
    private Map<String, ClauseEvidence> recorded = Map.of();
    private List<String> contradictions = List.of();
    private @Nullable LiveSession live;
    private @Nullable AllureLifecycle allure;

    /** What a scenario found: its measurements, and the problems that left it without a value. */
    record ScenarioRecord(List<Measurement> measurements, List<String> problems) {}

    public CertificationContext(RobotProfile robot, StandardProfile standard, Plan plan, TelemetrySource telemetry) {
        this.robot = Objects.requireNonNull(robot, "robot must not be null");
        this.standard = Objects.requireNonNull(standard, "standard must not be null");
        this.plan = Objects.requireNonNull(plan, "plan must not be null");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry must not be null");
    }

    /** The run's unique key, by which Cucumber's plugins find it. */
    public String id() {
        return id;
    }

    /** Make this a live certification: When-steps act through {@code session}. */
    public CertificationContext live(LiveSession session) {
        this.live = Objects.requireNonNull(session, "session must not be null");
        return this;
    }

    /** Show measurements in the Allure report through {@code lifecycle} (this run's results folder). */
    public CertificationContext allure(AllureLifecycle lifecycle) {
        this.allure = Objects.requireNonNull(lifecycle, "lifecycle must not be null");
        return this;
    }

    /** Whether the report shows plots of the judged signals (drawn for the HTML report; skipped with {@code --no-html}). */
    public CertificationContext plots(boolean drawn) {
        this.plots = drawn;
        return this;
    }

    public boolean plots() {
        return plots;
    }

    /** The live session, when the robot is certified over a link rather than from a recording. */
    public Optional<LiveSession> liveSession() {
        return Optional.ofNullable(live);
    }

    /** The Allure lifecycle of this run's report, when it writes one. */
    private boolean plots = true;

    public Optional<AllureLifecycle> allureLifecycle() {
        return Optional.ofNullable(allure);
    }

    public RobotProfile robot() {
        return robot;
    }

    public StandardProfile standard() {
        return standard;
    }

    public Plan plan() {
        return plan;
    }

    public TelemetrySource telemetry() {
        return telemetry;
    }

    /** The resolved clause {@code id}, when it applies to the robot. */
    public Optional<ClauseSetup> setup(String clauseId) {
        return plan.setup(clauseId);
    }

    /** Evaluate every applicable clause over one pass of the recording, before the scenarios run. */
    synchronized void evaluateRecording() {
        DeclarationCheck declaration = new DeclarationCheck(robot);
        OnePass.Result pass = OnePass.evaluate(telemetry, robot.topics(), plan.setups(),
                List.of(declaration, new PublisherCheck(robot)));
        recorded = pass.evidence();
        telemetryProblems.addAll(pass.damage());
        contradictions = declaration.contradictions(pass.damage().isEmpty());
    }

    /**
     * Scan {@code telemetry} (a live run's session recording) for contradictions with the robot's
     * declaration, as the one pass over a recording does.
     */
    public synchronized void checkDeclaration(TelemetrySource session) {
        DeclarationCheck declaration = new DeclarationCheck(robot);
        OnePass.Result pass = OnePass.evaluate(session, robot.topics(), List.of(), List.of(declaration));
        contradictions = declaration.contradictions(pass.damage().isEmpty());
    }

    /** What the telemetry shows that the robot's declaration does not say, one sentence each. */
    public synchronized List<String> contradictions() {
        return contradictions;
    }

    /** Evaluate clause {@code c} over a live scenario's capture, with the checks a recording gets. */
    public ClauseEvidence evaluateCapture(TelemetrySource capture, ClauseSetup c) {
        OnePass.Result pass = OnePass.evaluate(capture, robot.topics(), List.of(c), List.of(new PublisherCheck(robot)));
        return Objects.requireNonNull(pass.evidence().get(c.clauseId()), "the pass evaluates the clause it is given");
    }

    /** The evidence the one pass over the recording found for clause {@code id}. */
    public synchronized Optional<ClauseEvidence> recordedEvidence(String clauseId) {
        return Optional.ofNullable(recorded.get(clauseId));
    }

    /** Keep what scenario {@code scenarioId} found, for its verdict. */
    public synchronized void record(String scenarioId, List<Measurement> measurements, List<String> problems) {
        scenarios.put(scenarioId, new ScenarioRecord(List.copyOf(measurements), List.copyOf(problems)));
    }

    synchronized ScenarioRecord found(String scenarioId) {
        return scenarios.getOrDefault(scenarioId, new ScenarioRecord(List.of(), List.of()));
    }

    synchronized void addOutcome(ScenarioOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Note that the telemetry could not be read, so the command line can say so once. */
    public synchronized void reportTelemetryProblem(String problem) {
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
