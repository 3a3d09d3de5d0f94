package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hcert.conformance.profile.LabProfile;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.run.FeatureRun;
import org.hcert.runner.UsageException;
import org.hcert.runner.report.RunMode;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code certify}'s options for a certification or a development run, and their check. */
final class RunModeOptions {

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "development",
            description = {"certification: the plan fixed by the robot's declaration, the bundled features, profiles signed with the "
                    + "lab's key (--profile-key), no clause selection; development (default): clauses may be selected, and the "
                    + "certificate says it is not a certification"})
    private String mode;

    @Option(names = "--profile-key", paramLabel = "PUB.pem",
            description = "certification: the lab's public key; the robot, standard and lab profiles must be signed with it (FILE.sig, "
                    + "from hcert keys sign)")
    private @Nullable Path profileKey;

    @Option(names = "--clauses", split = ",", paramLabel = "ID",
            description = "development: run only these clauses (e.g. SE-ESTOP-01,LC-JNT-01); the other applicable ones are reported "
                    + "INCONCLUSIVE (not run)")
    private List<String> clauses = new java.util.ArrayList<>();

    @Option(names = "--rerun-failed", paramLabel = "DIR",
            description = "development: run again the clauses that did not pass in the report in DIR (FAIL or INCONCLUSIVE)")
    private @Nullable Path rerunFailed;

    /**
     * The kind of run asked for, checked before the run touches its folder: a certification run
     * refuses what would make it something less (clause selection, other features, unsigned profiles).
     *
     * @param features the features the run was given ({@code --features})
     * @param known the clause IDs of the standard profile
     */
    RunMode resolve(String features, RobotProfile robotProfile, StandardProfile standardProfile, LabProfile labProfile,
            Set<String> known) {
        if (mode.equals("certification")) {
            List<String> refused = new java.util.ArrayList<>();
            if (!clauses.isEmpty()) {
                refused.add("--clauses (a certification runs every clause the robot's declaration makes applicable)");
            }
            if (rerunFailed != null) {
                refused.add("--rerun-failed (a certification allows no retries: a failure stands)");
            }
            if (!features.equals(FeatureRun.BUNDLED_FEATURES)) {
                refused.add("--features " + features + " (a certification runs the bundled features)");
            }
            if (!refused.isEmpty()) {
                throw new UsageException("--mode certification refuses " + String.join("; ", refused));
            }
            if (profileKey == null) {
                throw new UsageException("--mode certification needs --profile-key PUB.pem: the lab's public key, with which the robot, "
                        + "standard and lab profiles must be signed (hcert keys sign)");
            }
            java.security.PublicKey key = SigningKeys.readPublic(profileKey);
            String fingerprint = SigningKeys.fingerprint(key);
            for (org.hcert.conformance.profile.ProfileFile f : List.of(robotProfile.file(), standardProfile.file(), labProfile.file())) {
                ProfileSignatures.check(f, key, fingerprint);
            }
            return RunMode.certification(fingerprint);
        }
        if (!mode.equals("development")) {
            throw new UsageException("--mode %s: give certification or development".formatted(mode));
        }
        if (profileKey != null) {
            throw new UsageException("--profile-key is for --mode certification; a development run does not check signatures");
        }
        Set<String> selected = new java.util.TreeSet<>();
        for (String id : clauses) {
            String trimmed = id.trim();
            if (!known.contains(trimmed)) {
                throw new UsageException("--clauses %s: not a clause of standard profile %s%s".formatted(trimmed, standardProfile.file().path(),
                        org.hcert.conformance.profile.Suggest.closest(trimmed, List.copyOf(known))));
            }
            selected.add(trimmed);
        }
        Path previous = rerunFailed;
        if (previous != null) {
            selected.addAll(FailedClauses.of(previous));
        }
        if ((!clauses.isEmpty() || previous != null) && selected.isEmpty()) {
            throw new UsageException("--rerun-failed %s: every clause of that report passed or did not apply; nothing to run".formatted(previous));
        }
        return RunMode.development(List.copyOf(selected));
    }
}
