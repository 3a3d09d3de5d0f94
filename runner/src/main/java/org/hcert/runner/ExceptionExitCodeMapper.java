package org.hcert.runner;

import org.hcert.conformance.profile.ProfileException;
import org.hcert.conformance.run.FeatureRunException;
import org.hcert.telemetry.TelemetryException;
import picocli.CommandLine;

/** Map hcert's exception types to exit codes; anything unexpected is an internal error. */
final class ExceptionExitCodeMapper implements CommandLine.IExitCodeExceptionMapper {

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof ProfileException || t instanceof UsageException || t instanceof TelemetryException
                || t instanceof FeatureRunException || t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
