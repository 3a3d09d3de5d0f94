package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.EnumSet;
import java.util.List;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.metric.BalanceMetric;
import org.hcert.conformance.metric.StopWhileMoving;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/** Steps of SE-BAL-01: no uncontrolled fall after a stop while walking. */
public final class BalanceSteps {

    private List<StopWhileMoving> stops = List.of();
    private String source = "";
    private long observationNs;

    @When("a stop is asserted while it walks")
    public void aStopIsAssertedWhileItWalks() {
        ClauseLimits limits = ClauseLimits.current();
        observationNs = ClauseLimits.nanos(limits.parameterSi("observationWindow"));
        BalanceMetric.Parameters p = new BalanceMetric.Parameters(limits.parameterSi("walkingSpeed"), observationNs);
        Live.actThenObserve(LiveSession::assertEstop, Live.seconds(limits.parameterSi("observationWindow") + 0.5));
        Signals.Pass<List<StopWhileMoving>> pass = Signals.read(EnumSet.of(Role.IMU, Role.ODOMETRY),
                EnumSet.of(Role.SAFETY_STATE, Role.EVENTS), samples -> BalanceMetric.evaluate(samples, p));
        if (pass.result().isEmpty()) {
            throw new InsufficientEvidenceException(("no stop asserted while walking (base speed ≥ %s m/s or mode "
                    + "walking) in %s").formatted(Units.format(p.walkingSpeedMs()), pass.source()));
        }
        stops = pass.result();
        source = pass.source();
    }

    @Then("the trunk tilt stays within the limit {string}")
    public void trunkTiltWithin(String limitName) {
        ClauseLimits limits = ClauseLimits.current();
        Limit limit = limits.limit(limitName);
        for (StopWhileMoving s : stops) {
            Measurement m = new Measurement("maximum trunk tilt from vertical after the stop",
                    Units.fromSi(s.maxTiltRad(), limit.unit()), limit, s.window(), source,
                    "trigger: %s at %s m/s; max tilt at %s%s".formatted(s.trigger(), Units.format(s.speedAtStopMs()),
                            TimeWindow.of(s.maxTiltAtNs(), s.maxTiltAtNs()), fallNote(s)));
            if (m.withinLimit() || s.imuSamples() == 0) {
                requireEvidence(limits, s, s.imuSamples(), "IMU");
            }
            Verdicts.check(m);
        }
    }

    @Then("the pelvis height stays within the limit {string}")
    public void pelvisHeightWithin(String limitName) {
        ClauseLimits limits = ClauseLimits.current();
        Limit limit = limits.limit(limitName);
        double nominalM = limits.declared("nominalPelvisHeight").si();
        for (StopWhileMoving s : stops) {
            double ratio = s.minPelvisHeightM() / nominalM;
            Measurement m = new Measurement("minimum pelvis height after the stop, share of nominal",
                    Units.fromSi(ratio, limit.unit()), limit, s.window(), source,
                    "lowest pelvis height %s m of nominal %s m at %s%s".formatted(Units.format(s.minPelvisHeightM()),
                            Units.format(nominalM), TimeWindow.of(s.minHeightAtNs(), s.minHeightAtNs()), fallNote(s)));
            if (m.withinLimit() || s.odometrySamples() == 0) {
                requireEvidence(limits, s, s.odometrySamples(), "odometry");
            }
            Verdicts.check(m);
        }
    }

    private void requireEvidence(ClauseLimits limits, StopWhileMoving s, long samples, String what) {
        if (samples == 0) {
            throw new InsufficientEvidenceException("no %s sample in %s".formatted(what, s.window()));
        }
        long maxGapNs = ClauseLimits.nanos(limits.parameterSi("maxSampleGap"));
        if (s.maxGapNs() > maxGapNs) {
            throw new InsufficientEvidenceException("IMU or odometry samples have a gap of %s in %s (at most %s allowed)"
                    .formatted(ClauseLimits.ms(s.maxGapNs()), s.window(), ClauseLimits.ms(maxGapNs)));
        }
        if (s.window().durationNs() < observationNs) {
            throw new InsufficientEvidenceException("the recording ends %s after the stop; %s of observation needed"
                    .formatted(ClauseLimits.ms(s.window().durationNs()), ClauseLimits.ms(observationNs)));
        }
    }

    private static String fallNote(StopWhileMoving s) {
        return s.fallEventSeen() ? "; the robot reported fall_detected" : "";
    }
}
