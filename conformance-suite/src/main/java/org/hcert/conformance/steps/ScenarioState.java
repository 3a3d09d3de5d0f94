package org.hcert.conformance.steps;

import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hcert.conformance.evidence.Evidence;
import org.hcert.conformance.family.ClauseEvidence;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.family.Family;
import org.hcert.conformance.family.LimitName;
import org.hcert.conformance.family.SubjectLimits;
import org.hcert.conformance.live.Capture;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.profile.Clause;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.EvidencePolicy;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.LimitExceededError;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Reading;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * One scenario of one run: the clause it is bound to, the evidence its When-step gathered, and what
 * its Then-steps found. Steps never throw for a verdict: every window of every Then-step is judged,
 * even after a FAIL, and {@link #finish} turns the worst into the scenario's outcome (FAIL over
 * INCONCLUSIVE over PASS) once every step has run.
 */
public final class ScenarioState {

    /** How many measurements of one limit of a scenario the report plots: its worst, and more when they fail. */
    static final int PLOTS_PER_LIMIT = 3;

    private final CertificationContext run;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> judged = new java.util.HashSet<>();
    private String scenarioId = "";
    private @Nullable ClauseSetup clause;
    private @Nullable ClauseEvidence evidence;
    private boolean gathered;

    public ScenarioState(CertificationContext run) {
        this.run = run;
    }

    CertificationContext run() {
        return run;
    }

    Optional<LiveSession> live() {
        return run.liveSession();
    }

    /** Bind the scenario to the clause its tag names; a scenario without one can only be INCONCLUSIVE. */
    void bind(Scenario scenario) {
        scenarioId = scenario.getId();
        Optional<Clause> tagged = scenario.getSourceTagNames().stream()
                .map(t -> run.standard().clause(t.substring(1)))
                .flatMap(Optional::stream)
                .findFirst();
        if (tagged.isEmpty()) {
            problem("scenario %s is tagged with no clause of standard %s (tags %s)".formatted(scenario.getName(),
                    run.standard().id(), scenario.getSourceTagNames()));
            return;
        }
        clause = run.setup(tagged.get().id()).orElse(null);
        if (clause == null) {
            problem("clause %s does not apply to this robot, but its scenario ran".formatted(tagged.get().id()));
        }
    }

    /**
     * The When-step of a family: on a live robot, act and observe, then evaluate what was captured;
     * on a recording, take what the one pass found.
     *
     * @param family the family the step belongs to
     * @param options the options the step's text implies, e.g. {@code trigger=estop}
     */
    void gather(String family, Map<String, String> options) {
        ClauseSetup c = clause;
        if (c == null || !expect(c, family)) {
            return;
        }
        options.forEach((name, value) -> {
            String set = c.options().get(name);
            if (!value.equals(set)) {
                problem("the scenario's step names %s %s, but clause %s sets %s: %s in the standard profile"
                        .formatted(name, value, c.clauseId(), name, set));
            }
        });
        gathered = true;
        Optional<LiveSession> live = live();
        if (live.isPresent()) {
            evidence = liveEvidence(live.get(), c);
        } else {
            evidence = run.recordedEvidence(c.clauseId()).orElse(null);
        }
        ClauseEvidence e = evidence;
        if (e == null) {
            problem("no evidence was gathered for clause " + c.clauseId());
            return;
        }
        e.problems().forEach(this::problem);
    }

    private ClauseEvidence liveEvidence(LiveSession s, ClauseSetup c) {
        Family.LiveAction action = c.family().liveAction(c);
        s.capture();
        action.act().accept(s);
        s.observe(action.observe());
        Capture capture = s.endCapture();
        return run.evaluateCapture(capture, c);
    }

    /**
     * A Then-step: judge every reading of limit {@code limitName} against the clause's limit.
     *
     * @param family the family the step belongs to
     * @param stepLimit the limit the step judges
     * @param limitName the limit the scenario names; must be {@code stepLimit}
     */
    void judge(String family, String stepLimit, String limitName) {
        ClauseSetup c = clause;
        if (c == null || !expect(c, family)) {
            return;
        }
        if (!stepLimit.equals(FamilyStep.ANY) && !stepLimit.equals(limitName)) {
            problem("the step judges the limit %s, but the scenario names %s".formatted(stepLimit, limitName));
            return;
        }
        Optional<LimitName> named = c.family().limit(limitName);
        if (named.isEmpty()) {
            problem("the scenario names the limit %s, which family %s does not have".formatted(limitName, c.family().name()));
            return;
        }
        LimitName spec = named.get();
        if (!c.judges(limitName)) {
            problem("clause %s gives no limit %s in the standard profile".formatted(c.clauseId(), limitName));
            return;
        }
        SubjectLimits perSubject = c.perSubject().get(limitName);
        String unresolved = c.unresolved().get(limitName);
        Limit limit = c.limits().get(limitName);
        if (perSubject == null && (unresolved != null || limit == null)) {
            problem(unresolved != null ? unresolved : "limit %s of clause %s is not resolved".formatted(limitName, c.clauseId()));
            return;
        }
        ClauseEvidence e = evidence;
        if (!gathered || e == null) {
            if (gathered) {
                return;
            }
            problem("the scenario judges %s before any When-step gathered its evidence".formatted(limitName));
            return;
        }
        judged.add(limitName);
        List<Judged> found = new ArrayList<>();
        for (Reading r : e.readings(limitName)) {
            @Nullable Limit l = r.limit().isPresent() ? r.limit().get()
                    : perSubject != null ? perSubject.of(r.subject()).orElse(null) : limit;
            if (l == null) {
                problem(perSubject != null ? perSubject.why(r.subject()) : "limit %s is not resolved".formatted(limitName));
                continue;
            }
            Optional<Measurement> m = EvidencePolicy.judge(spec.quantity(), r, l, e.source());
            if (m.isPresent()) {
                found.add(new Judged(found.size(), m.get(), r.traces()));
            } else {
                problem("%s%s in %s: no value: %s".formatted(spec.quantity(), r.subject().isEmpty() ? "" : " of " + r.subject(),
                        r.window(), String.join("; ", r.gaps())));
            }
        }
        // The worst measurement of the limit, and each failing one up to PLOTS_PER_LIMIT, is shown with its signals.
        List<Judged> worstFirst = found.stream().sorted(Comparator.comparing(Judged::measurement, EvidencePolicy.WORST_FIRST)).toList();
        Set<Integer> plotted = new java.util.HashSet<>();
        for (Judged j : worstFirst) {
            if (plotted.size() < PLOTS_PER_LIMIT && (plotted.isEmpty() || j.measurement().verdict() == Verdict.FAIL)) {
                plotted.add(j.order());
            }
        }
        found.forEach(j -> record(c.clauseId(), j.measurement(), run.plots() && plotted.contains(j.order()) ? j.traces() : List.of()));
    }

    /** A measurement, its place among the limit's readings, and the signals it was measured from. */
    private record Judged(int order, Measurement measurement, List<Trace> traces) {}

    private boolean expect(ClauseSetup c, String family) {
        if (!c.family().name().equals(family)) {
            problem("the scenario uses a step of family %s, but clause %s is of family %s".formatted(family,
                    c.clauseId(), c.family().name()));
            return false;
        }
        return true;
    }

    private void record(String clauseId, Measurement m, List<Trace> signals) {
        measurements.add(m);
        run.allureLifecycle().ifPresent(l -> new Evidence(l).show(clauseId, m, signals));
    }

    void problem(String reason) {
        if (!problems.contains(reason)) {
            problems.add(reason);
            run.allureLifecycle().ifPresent(l -> new Evidence(l).problem(reason));
        }
    }

    /**
     * After the last step: keep what the scenario found, and end it with its verdict's exception
     * (FAIL as an assertion error, INCONCLUSIVE as any other), so Cucumber and Allure agree with hcert.
     */
    void finish() {
        ClauseEvidence e = evidence;
        if (e != null) {
            e.readings().forEach((name, readings) -> {
                if (!readings.isEmpty() && !judged.contains(name)) {
                    problem("%d reading(s) of limit %s were gathered, but no step of the scenario judges them (add a Then-step naming \"%s\")"
                            .formatted(readings.size(), name, name));
                }
            });
        }
        run.record(scenarioId, measurements, problems);
        List<Measurement> worstFirst = measurements.stream().sorted(EvidencePolicy.WORST_FIRST).toList();
        Optional<Measurement> failed = worstFirst.stream().filter(m -> m.verdict() == Verdict.FAIL).findFirst();
        if (failed.isPresent()) {
            throw new LimitExceededError(failed.get());
        }
        List<String> why = new ArrayList<>(problems);
        worstFirst.stream().filter(m -> m.verdict() == Verdict.INCONCLUSIVE).forEach(m -> why.add(m.describe()));
        if (!why.isEmpty()) {
            throw new InsufficientEvidenceException(String.join("; ", why));
        }
    }
}
