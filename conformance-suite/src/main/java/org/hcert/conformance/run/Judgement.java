package org.hcert.conformance.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hcert.conformance.verdict.EvidencePolicy;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.LimitExceededError;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.NotApplicableException;
import org.hcert.conformance.verdict.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Turn what a scenario found, and Cucumber's result, into hcert's verdict, without ever producing a
 * false pass.
 *
 * <p>FAIL when a measurement proves a value outside its limit, whatever else went wrong (the worst
 * stands). NOT APPLICABLE only from a {@link NotApplicableException}. PASS only when Cucumber passed
 * the scenario, it recorded at least one measurement, every measurement passed and nothing was left
 * unmeasured. Everything else (undefined, ambiguous or pending steps, missing evidence, a window
 * without a value, a harness error) is INCONCLUSIVE with the reason.
 */
final class Judgement {

    record Result(Verdict verdict, String reason) {}

    private Judgement() {}

    static Result judge(String status, @Nullable Throwable error, List<Measurement> measurements, List<String> problems) {
        switch (status) {
            case "UNDEFINED":
                return new Result(Verdict.INCONCLUSIVE, "a step has no definition in hcert's glue: " + message(error));
            case "AMBIGUOUS":
                return new Result(Verdict.INCONCLUSIVE, "a step matches more than one definition: " + message(error));
            case "PENDING":
                return new Result(Verdict.INCONCLUSIVE, "a step is not implemented yet: " + message(error));
            case "SKIPPED":
                return error instanceof NotApplicableException
                        ? new Result(Verdict.NOT_APPLICABLE, message(error))
                        : new Result(Verdict.INCONCLUSIVE, "scenario was skipped: " + message(error));
            default:
                return judged(status, error, measurements, problems);
        }
    }

    private static Result judged(String status, @Nullable Throwable error, List<Measurement> measurements, List<String> problems) {
        List<Measurement> worstFirst = measurements.stream().sorted(EvidencePolicy.WORST_FIRST).toList();
        Optional<Measurement> failed = worstFirst.stream().filter(m -> m.verdict() == Verdict.FAIL).findFirst();
        if (failed.isPresent()) {
            long n = worstFirst.stream().filter(m -> m.verdict() == Verdict.FAIL).count();
            return new Result(Verdict.FAIL, failed.get().describe() + (n > 1 ? " (worst of %d failing measurements)".formatted(n) : ""));
        }
        List<String> why = new ArrayList<>(problems);
        worstFirst.stream().filter(m -> m.verdict() == Verdict.INCONCLUSIVE).forEach(m -> why.add(m.describe()));
        boolean ours = error == null || error instanceof LimitExceededError || error instanceof InsufficientEvidenceException;
        if (!ours) {
            why.add(0, "harness error: " + message(error));
        } else if (!"PASSED".equals(status) && why.isEmpty()) {
            why.add("scenario ended with status %s: %s".formatted(status, message(error)));
        }
        if (!why.isEmpty()) {
            return new Result(Verdict.INCONCLUSIVE, String.join("; ", why));
        }
        if (measurements.isEmpty()) {
            return new Result(Verdict.INCONCLUSIVE, "scenario passed but recorded no measurement");
        }
        return new Result(Verdict.PASS, "%d measurement(s), all within limit".formatted(measurements.size()));
    }

    private static String message(@Nullable Throwable error) {
        if (error == null) {
            return "no reason given";
        }
        String m = error.getMessage();
        return m == null ? error.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
