package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hcert.conformance.metric.ResetMotionMetric;
import org.hcert.conformance.metric.ResetObservation;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/** Steps of SE-ESTOP-02: resetting the e-stop does not restart the robot; only a start command does. */
public final class EstopResetSteps {

    private List<ResetObservation> resets = List.of();
    private String source = "";

    @When("the emergency stop is pressed, released and reset without a start command")
    public void pressedReleasedAndResetWithoutStart() {
        ClauseLimits limits = ClauseLimits.current();
        double observeS = limits.parameterSi("observationWindow");
        Live.actThenObserve(s -> s.estopThenResetWithoutStart(Live.seconds(limits.parameterSi("stopSettle"))),
                Live.seconds(observeS + 0.5));
        ResetMotionMetric.Parameters p = new ResetMotionMetric.Parameters(ClauseLimits.nanos(observeS));
        Signals.Pass<List<ResetObservation>> pass = Signals.read(EnumSet.of(Role.JOINTS, Role.ODOMETRY),
                EnumSet.of(Role.SAFETY_STATE, Role.EVENTS), samples -> ResetMotionMetric.evaluate(samples, p));
        if (pass.result().isEmpty()) {
            throw new InsufficientEvidenceException(("no e-stop reset in %s (looked for estop_reset events and the "
                    + "safety state's e-stop input falling)").formatted(pass.source()));
        }
        resets = pass.result();
        source = pass.source();
    }

    @Then("no joint moves until a start command, within the limit {string}")
    public void noJointMoves(String limitName) {
        for (ResetObservation r : resets) {
            if (r.jointsUnknown() > 0) {
                throw new InsufficientEvidenceException("%d joint samples in %s have no usable velocity"
                        .formatted(r.jointsUnknown(), r.window()));
            }
        }
        judge(limitName, "largest joint speed between reset and start", ResetObservation::maxJointSpeedRadS,
                r -> "fastest joint %s at %s".formatted(r.maxJointName().isEmpty() ? "(none)" : r.maxJointName(),
                        TimeWindow.of(r.maxJointAtNs(), r.maxJointAtNs())));
    }

    @Then("the base does not move until a start command, within the limit {string}")
    public void baseDoesNotMove(String limitName) {
        judge(limitName, "largest base speed between reset and start", ResetObservation::maxBaseSpeedMs,
                r -> "fastest at %s".formatted(TimeWindow.of(r.maxBaseAtNs(), r.maxBaseAtNs())));
    }

    /** One measurement per reset window, the worst last; PASS needs one window long and dense enough. */
    private void judge(String limitName, String quantity, ToDoubleFunction<ResetObservation> valueSi,
            Function<ResetObservation, String> where) {
        ClauseLimits limits = ClauseLimits.current();
        Limit limit = limits.limit(limitName);
        long minNs = ClauseLimits.nanos(limits.parameterSi("minObservation"));
        long maxGapNs = ClauseLimits.nanos(limits.parameterSi("maxSampleGap"));
        List<ResetObservation> ordered = resets.stream().sorted(Comparator.comparingDouble(valueSi)).toList();
        for (ResetObservation r : ordered) {
            Verdicts.check(new Measurement(quantity, Units.fromSi(valueSi.applyAsDouble(r), limit.unit()), limit,
                    r.window(), source, "reset: %s; %s; window ended by %s; %d joint and %d odometry samples, gaps up to %s"
                            .formatted(r.trigger(), where.apply(r), r.endedBy(), r.jointSamples(), r.baseSamples(),
                                    ClauseLimits.ms(r.maxGapNs()))));
        }
        boolean evidence = resets.stream().anyMatch(r -> r.window().durationNs() >= minNs && r.maxGapNs() <= maxGapNs
                && r.jointSamples() > 0 && r.baseSamples() > 0);
        if (!evidence) {
            throw new InsufficientEvidenceException(("no e-stop reset in %s was followed by %s without a start command "
                    + "and with joint and odometry samples no more than %s apart").formatted(source,
                            ClauseLimits.ms(minNs), ClauseLimits.ms(maxGapNs)));
        }
    }
}
