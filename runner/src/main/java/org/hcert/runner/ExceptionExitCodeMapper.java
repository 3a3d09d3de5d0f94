package org.hcert.runner;

import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.run.FeatureRunException;
import org.hcert.telemetry.TelemetryException;
import picocli.CommandLine;

/** Map hcert's exception types to exit codes; anything unexpected is an internal error. */
final class ExceptionExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable t) {
        return isUserError(t) ? ExitCodes.USAGE : ExitCodes.INTERNAL_ERROR;
    }

    /**
     * Whether {@code t} is the user's to fix (a bad profile, option, recording or feature file),
     * reported in one sentence, as opposed to a defect in hcert, reported as an internal error.
     */
    static boolean isUserError(Throwable t) {
        return t instanceof ProfileException || t instanceof UsageException || t instanceof TelemetryException
                || t instanceof FeatureRunException || t instanceof CommandLine.ParameterException;
    }
}
