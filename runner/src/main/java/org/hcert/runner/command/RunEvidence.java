package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.hcert.conformance.live.Confirmation;
import org.hcert.conformance.run.CertificationContext;
import org.hcert.conformance.run.ScenarioOutcome;

/**
 * What one certification run found, from a recording or live, and the evidence it rests on.
 *
 * @param context the run's context (measurements, feature hashes, telemetry problems)
 * @param outcomes the judged outcome of every scenario run
 * @param mode {@code recording} or {@code live}, as the certificate says
 * @param recording the recording judged, or the session recording of a live run
 * @param confirmations the operator's confirmations during a live run
 * @param sha256 the SHA-256 of {@code recording}, hex, once it is known
 */
record RunEvidence(CertificationContext context, List<ScenarioOutcome> outcomes, String mode, Path recording,
        List<Confirmation> confirmations, Supplier<String> sha256) {
}
