package org.hcert.conformance.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.hcert.conformance.evidence.Evidence;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.metric.JointLimitMetric;
import org.hcert.conformance.metric.JointRange;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.Limit;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;
import org.hcert.telemetry.TimeWindow;
import org.hcert.telemetry.mapping.Role;

/** Steps of LC-JNT-01: joint positions within the declared soft limits. */
public final class JointLimitSteps {

    private JointLimitMetric.Result result = new JointLimitMetric.Result(List.of(), 0, 0, 0, 0, 0);
    private String source = "";

    @When("the robot performs its test motion")
    public void theRobotPerformsItsTestMotion() {
        Live.actThenObserve(JointLimitSteps::testMotion, Live.seconds(0.5));
        List<JointLimitMetric.Declared> declared = CertificationContext.current().robot().joints().stream()
                .map(j -> new JointLimitMetric.Declared(j.name(), j.lowerRad(), j.upperRad()))
                .toList();
        Signals.Pass<JointLimitMetric.Result> pass = Signals.read(EnumSet.of(Role.JOINTS), EnumSet.noneOf(Role.class),
                samples -> JointLimitMetric.evaluate(samples, declared));
        result = pass.result();
        source = pass.source();
    }

    @Then("every joint position stays within its declared soft limits, within the limit {string}")
    public void everyJointWithinLimits(String limitName) {
        ClauseLimits limits = ClauseLimits.current();
        Limit limit = limits.limit(limitName);
        JointRange worst = result.joints().stream()
                .filter(j -> j.samples() > 0)
                .max(Comparator.comparingDouble(JointRange::worstOverrunRad))
                .orElseThrow(() -> new InsufficientEvidenceException("no declared joint appears in " + source));
        Evidence.table("joint ranges", table(result.joints()));
        TimeWindow window = TimeWindow.of(result.firstNs(), result.lastNs());
        Measurement m = new Measurement("worst joint overrun beyond soft limit",
                Units.fromSi(worst.worstOverrunRad(), limit.unit()), limit, window, source,
                "worst joint %s: %s %s rad vs %s limit %s rad at %s (negative = inside by that margin)".formatted(
                        worst.name(), worst.worstIsUpper() ? "max" : "min",
                        Units.format(worst.worstIsUpper() ? worst.maxRad() : worst.minRad()),
                        worst.worstIsUpper() ? "upper" : "lower",
                        Units.format(worst.worstIsUpper() ? worst.upperRad() : worst.lowerRad()),
                        TimeWindow.of(worst.worstAtNs(), worst.worstAtNs())));
        if (m.withinLimit()) {
            requireEvidence(limits, window);
        }
        Verdicts.check(m);
    }

    /** How far into a joint's declared range (from its lower limit) the live test motion goes: {@value}. */
    static final double TEST_MOTION_FRACTION = 0.95;

    /**
     * Move each elbow (or, on a robot without elbows, the first two joints) to 95 % of its declared
     * range and back to its midpoint, at up to 1 rad/s: a healthy robot stays inside its limits,
     * one that overshoots its commands goes beyond them.
     */
    private static void testMotion(LiveSession s) {
        List<RobotProfile.JointSpec> joints = CertificationContext.current().robot().joints();
        List<RobotProfile.JointSpec> chosen = joints.stream().filter(j -> j.name().contains("elbow")).toList();
        for (RobotProfile.JointSpec j : chosen.isEmpty() ? joints.subList(0, Math.min(2, joints.size())) : chosen) {
            double speed = Double.isFinite(j.maxVelocityRadS()) ? Math.min(1.0, j.maxVelocityRadS()) : 1.0;
            double travel = j.upperRad() - j.lowerRad();
            s.moveJoint(j.name(), j.lowerRad() + TEST_MOTION_FRACTION * travel, speed, Live.seconds(travel / speed + 1));
            s.moveJoint(j.name(), j.lowerRad() + travel / 2, speed, Live.seconds(travel / speed / 2 + 0.5));
        }
    }

    private void requireEvidence(ClauseLimits limits, TimeWindow window) {
        if (!result.unseenJoints().isEmpty()) {
            throw new InsufficientEvidenceException("declared joints %s never appear in %s"
                    .formatted(result.unseenJoints(), source));
        }
        if (result.nonFinitePositions() > 0) {
            throw new InsufficientEvidenceException("%d joint positions in %s are NaN or infinite"
                    .formatted(result.nonFinitePositions(), source));
        }
        long maxGapNs = ClauseLimits.nanos(limits.parameterSi("maxSampleGap"));
        if (result.maxGapNs() > maxGapNs) {
            throw new InsufficientEvidenceException("joint samples have a gap of %s in %s (at most %s allowed)"
                    .formatted(ClauseLimits.ms(result.maxGapNs()), window, ClauseLimits.ms(maxGapNs)));
        }
        double minS = limits.parameterSi("minDuration");
        if (window.durationS() < minS) {
            throw new InsufficientEvidenceException("joint samples cover only %s, shorter than %s s"
                    .formatted(window, Units.format(minS)));
        }
    }

    private static String table(List<JointRange> joints) {
        StringBuilder out = new StringBuilder("joint, samples, min rad, max rad, lower rad, upper rad, worst overrun rad\n");
        for (JointRange j : joints) {
            out.append("%s, %d, %s, %s, %s, %s, %s%n".formatted(j.name(), j.samples(), Units.format(j.minRad()),
                    Units.format(j.maxRad()), Units.format(j.lowerRad()), Units.format(j.upperRad()),
                    Units.format(j.worstOverrunRad())));
        }
        return out.toString();
    }
}
