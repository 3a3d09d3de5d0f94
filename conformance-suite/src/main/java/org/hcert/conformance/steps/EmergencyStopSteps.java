package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.metric.StopObservation;
import org.hcert.conformance.metric.StopTimeMetric;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/** Steps of SE-ESTOP-01: stop time and drive power after the emergency stop. */
public final class EmergencyStopSteps {

    private List<StopObservation> stops = List.of();
    private String source = "";

    @When("the emergency stop is pressed")
    public void theEmergencyStopIsPressed() {
        ClauseLimits limits = ClauseLimits.current();
        StopTimeMetric.Parameters p = new StopTimeMetric.Parameters(
                limits.parameterSi("standstillJointSpeed"), limits.parameterSi("standstillBaseSpeed"),
                ClauseLimits.nanos(limits.parameterSi("observationWindow")),
                ClauseLimits.nanos(limits.parameterSiOr("standstillSmoothing", 0)));
        Live.actThenObserve(LiveSession::assertEstop, Live.seconds(limits.parameterSi("observationWindow") + 0.5));
        Signals.Pass<List<StopObservation>> pass = Signals.read(
                EnumSet.of(Role.JOINTS, Role.ODOMETRY, Role.SAFETY_STATE), EnumSet.of(Role.EVENTS),
                samples -> StopTimeMetric.evaluate(samples, p));
        if (pass.result().isEmpty()) {
            throw new InsufficientEvidenceException(("no e-stop assertion in %s (looked for estop_pressed events and "
                    + "rising edges of the safety state's e-stop input)").formatted(pass.source()));
        }
        stops = pass.result();
        source = pass.source();
    }

    @Then("all joints and the base reach standstill within the limit {string}")
    public void standstillWithin(String limitName) {
        ClauseLimits limits = ClauseLimits.current();
        Limit limit = limits.limit(limitName);
        long maxGapNs = ClauseLimits.nanos(limits.parameterSi("maxSampleGap"));
        long holdNs = ClauseLimits.nanos(limits.parameterSi("minStandstillHold"));
        StopObservation worst = stops.stream()
                .max(Comparator.comparingLong(s -> s.stopTimeNs().orElse(Long.MAX_VALUE)))
                .orElseThrow();
        for (StopObservation s : stops) {
            if (!s.equals(worst)) {
                Verdicts.check(stopTime(s, limit, maxGapNs, holdNs));
            }
        }
        Verdicts.check(stopTime(worst, limit, maxGapNs, holdNs));
    }

    private Measurement stopTime(StopObservation s, Limit limit, long maxGapNs, long holdNs) {
        double limitSi = Units.toSi(limit.value(), limit.unit());
        if (s.jointsUnknown() > 0) {
            throw new InsufficientEvidenceException("%d joint samples in %s have no usable velocity; standstill cannot be judged"
                    .formatted(s.jointsUnknown(), s.window()));
        }
        if (s.standstillNs().isEmpty()) {
            return notReached(s, limit, limitSi);
        }
        double stopS = s.stopTimeNs().orElseThrow() / 1e9;
        Measurement m = new Measurement("stop time", Units.fromSi(stopS, limit.unit()), limit, s.window(), source,
                "trigger: %s; standstill (all |dq| and base speed below tolerance) from %s; sample gaps up to %s"
                        .formatted(s.trigger(), TimeWindow.of(s.standstillNs().getAsLong(), s.window().endNs()),
                                ClauseLimits.ms(s.maxGapNs())));
        if (m.withinLimit()) {
            requireEvidence(s, maxGapNs, holdNs);
        }
        return m;
    }

    private Measurement notReached(StopObservation s, Limit limit, double limitSi) {
        if (s.window().durationS() <= limitSi) {
            throw new InsufficientEvidenceException(("the robot was not at standstill when the window %s ended, "
                    + "and the window is shorter than the limit (%s)").formatted(s.window(), limit));
        }
        return new Measurement("stop time", Units.fromSi(s.window().durationS(), limit.unit()), limit, s.window(),
                source, "trigger: %s; NOT at standstill by the end of the window: the stop time is at least the window length"
                        .formatted(s.trigger()));
    }

    private static void requireEvidence(StopObservation s, long maxGapNs, long holdNs) {
        if (s.maxGapNs() > maxGapNs) {
            throw new InsufficientEvidenceException("joint or odometry samples have a gap of %s in %s (at most %s allowed)"
                    .formatted(ClauseLimits.ms(s.maxGapNs()), s.window(), ClauseLimits.ms(maxGapNs)));
        }
        if (s.heldNs() < holdNs) {
            throw new InsufficientEvidenceException("standstill was seen for only %s before the window %s ended (%s needed)"
                    .formatted(ClauseLimits.ms(s.heldNs()), s.window(), ClauseLimits.ms(holdNs)));
        }
    }

    @Then("drive power is removed by the end of the stop, within the limit {string}")
    public void drivePowerRemoved(String limitName) {
        Limit limit = ClauseLimits.current().limit(limitName);
        for (StopObservation s : stops) {
            if (s.safetySamples() == 0) {
                throw new InsufficientEvidenceException("no safety-state sample in %s: drive power cannot be judged"
                        .formatted(s.window()));
            }
            double on = s.driveOffNs().isPresent() ? 0 : 1;
            String detail = s.driveOffNs().isPresent()
                    ? "drive power off from %s after the stop input".formatted(
                            ClauseLimits.ms(s.driveOffNs().getAsLong() - s.window().startNs()))
                    : "drive power still ON at the end of the window (stop category 2 behaviour)";
            Verdicts.check(new Measurement("drive power at end of stop (1 = on)", on, limit, s.window(), source, detail));
        }
    }
}
