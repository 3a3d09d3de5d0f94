package org.hcert.runner.report;

import java.util.List;
import java.util.Optional;

/**
 * Whether a run is a certification or a vendor's development run, as its certificate states.
 *
 * @param certification a certification run: the plan fixed by the robot's declaration, the bundled
 *     features, profiles signed with the lab's key, no clause selection and no retries
 * @param profileKey the fingerprint of the key the profiles were checked against (certification)
 * @param selectedClauses the clauses a development run selected ({@code --clauses},
 *     {@code --rerun-failed}); empty when every applicable clause ran
 * @param aborted why the run was aborted before its clauses were judged (SIGINT, SIGTERM); empty when it was not
 */
public record RunMode(boolean certification, Optional<String> profileKey, List<String> selectedClauses, Optional<String> aborted) {

    public RunMode {
        selectedClauses = List.copyOf(selectedClauses);
    }

    public static RunMode development(List<String> selected) {
        return new RunMode(false, Optional.empty(), selected, Optional.empty());
    }

    public static RunMode certification(String profileKey) {
        return new RunMode(true, Optional.of(profileKey), List.of(), Optional.empty());
    }

    /** This run, aborted for {@code reason} before its clauses were judged. */
    public RunMode abortedBecause(String reason) {
        return new RunMode(certification, profileKey, selectedClauses, Optional.of(reason));
    }

    public String name() {
        return certification ? "certification" : "development";
    }

    /** What the certificate says of the run, in one sentence or two. */
    public String statement() {
        if (certification) {
            return "Certification run: every clause the robot's declaration makes applicable, the bundled features, profiles signed "
                    + "with the key " + profileKey.orElse("?") + ", no clause selection and no retries: each clause is judged once, "
                    + "from this run's evidence.";
        }
        String which = selectedClauses.isEmpty() ? ""
                : " Only " + String.join(", ", selectedClauses) + " ran; the other applicable clauses are INCONCLUSIVE (not run).";
        return "Development run: this is NOT a certification (run with --mode certification for one)." + which;
    }
}
