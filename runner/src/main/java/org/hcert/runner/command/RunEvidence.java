package org.hcert.runner.command;

import java.util.List;
import java.util.function.Supplier;
import org.hcert.conformance.live.Confirmation;
import org.hcert.conformance.profile.ProfileFile;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.ScenarioOutcome;

/**
 * What one certification run found, from a recording or live, and the evidence it rests on.
 *
 * @param context the run's context (measurements, feature hashes, telemetry problems)
 * @param outcomes the judged outcome of every scenario run
 * @param mode "recording" or "live", as the certificate says
 * @param confirmations the operator's confirmations during a live run
 * @param recordings every file of the recordings judged (each file of a bag folder, metadata
 *     included), or the session recording of a live run, with its SHA-256, once known
 */
record RunEvidence(CertificationContext context, List<ScenarioOutcome> outcomes, String mode,
        List<Confirmation> confirmations, Supplier<List<ProfileFile>> recordings) {
}
