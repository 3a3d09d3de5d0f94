package org.hcert.conformance.run;

import java.util.List;
import org.hcert.conformance.verdict.InsufficientEvidenceException;
import org.hcert.conformance.verdict.LimitExceededError;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.NotApplicableException;
import org.hcert.conformance.verdict.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Turn Cucumber's result of a scenario into hcert's verdict, without ever producing a false pass.
 *
 * <p>FAIL only from a {@link LimitExceededError}; NOT APPLICABLE only from a
 * {@link NotApplicableException}; PASS only when Cucumber passed the scenario and it recorded at
 * least one measurement, all within limit. Everything else (undefined, ambiguous or pending steps,
 * missing evidence, harness errors) is INCONCLUSIVE with the reason.
 */
final class Judgement {

    record Result(Verdict verdict, String reason) {}

    private Judgement() {}

    static Result judge(String status, @Nullable Throwable error, List<Measurement> measurements) {
        return switch (status) {
            case "PASSED" -> passed(measurements);
            case "FAILED" -> failed(error);
            case "SKIPPED" -> error instanceof NotApplicableException
                    ? new Result(Verdict.NOT_APPLICABLE, message(error))
                    : new Result(Verdict.INCONCLUSIVE, "scenario was skipped: " + message(error));
            case "UNDEFINED" -> new Result(Verdict.INCONCLUSIVE,
                    "a step has no definition in hcert's glue: " + message(error));
            case "AMBIGUOUS" -> new Result(Verdict.INCONCLUSIVE,
                    "a step matches more than one definition: " + message(error));
            case "PENDING" -> new Result(Verdict.INCONCLUSIVE, "a step is not implemented yet: " + message(error));
            default -> new Result(Verdict.INCONCLUSIVE, "scenario ended with status " + status);
        };
    }

    private static Result passed(List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return new Result(Verdict.INCONCLUSIVE, "scenario passed but recorded no measurement");
        }
        Measurement outside = measurements.stream().filter(m -> !m.withinLimit()).findFirst().orElse(null);
        if (outside != null) {
            return new Result(Verdict.INCONCLUSIVE,
                    "scenario passed although a measurement is outside its limit (harness defect): " + outside.describe());
        }
        return new Result(Verdict.PASS, "%d measurement(s), all within limit".formatted(measurements.size()));
    }

    private static Result failed(@Nullable Throwable error) {
        if (error instanceof LimitExceededError) {
            return new Result(Verdict.FAIL, message(error));
        }
        if (error instanceof InsufficientEvidenceException) {
            return new Result(Verdict.INCONCLUSIVE, message(error));
        }
        return new Result(Verdict.INCONCLUSIVE, "harness error: " + message(error));
    }

    private static String message(@Nullable Throwable error) {
        if (error == null) {
            return "no reason given";
        }
        String m = error.getMessage();
        return m == null ? error.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
