package org.hcert.runner.command;

import java.util.List;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.FeatureRun;
import org.hcert.conformance.run.ScenarioOutcome;
import org.hcert.runner.report.RunResults;
import org.hcert.telemetry.TelemetrySource;

/**
 * What one {@code certify} run certifies against, whatever the evidence: the profiles, the plan, the
 * features, the Allure results of its report, and whether the report plots the judged signals.
 */
record Certification(RobotProfile robot, StandardProfile standard, Plan plan, String features, RunResults results,
        boolean plots) {

    /** A fresh context for judging {@code telemetry}. */
    CertificationContext context(TelemetrySource telemetry) {
        return new CertificationContext(robot, standard, plan, telemetry).allure(results.lifecycle()).plots(plots);
    }

    /** Run the applicable clauses' scenarios against {@code context}. */
    List<ScenarioOutcome> run(CertificationContext context) {
        return plan.toRun().isEmpty()
                ? List.of()
                : FeatureRun.execute(context, new FeatureRun.Options(features, plan.tagExpression()));
    }
}
