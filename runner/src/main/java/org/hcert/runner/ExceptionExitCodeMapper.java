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
                || t instanceof FeatureRunException || t instanceof CommandLine.ParameterException || environmental(t);
    }

    /**
     * Whether {@code t} is the machine's answer to what the user asked (a folder that does not
     * exist or may not be written, a full disk, a port in use), not a defect: exit 2 with the path
     * or port and the cause.
     */
    static boolean environmental(Throwable t) {
        Throwable cause = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
        return cause instanceof java.nio.file.FileSystemException || cause instanceof java.net.BindException
                || (cause instanceof java.io.IOException io && DISK_REFUSALS.stream().anyMatch(String.valueOf(io.getMessage())::contains));
    }

    /** What the system says when the disk takes no more: full (ENOSPC), over a quota (EDQUOT), or over a file size limit (EFBIG). */
    private static final java.util.List<String> DISK_REFUSALS = java.util.List.of("No space left on device", "Disk quota exceeded",
            "File too large");

    /** One sentence for an environmental error: what hcert tried, and what the system said. */
    static String describe(Throwable t) {
        Throwable wrapped = t instanceof java.io.UncheckedIOException u ? u.getCause() : t;
        Throwable cause = wrapped == null ? t : wrapped;
        String why = cause instanceof java.nio.file.NoSuchFileException n ? "no such file or folder: " + n.getFile()
                : cause instanceof java.nio.file.AccessDeniedException a ? "permission denied: " + a.getFile()
                : cause instanceof java.nio.file.NotDirectoryException d ? "not a folder: " + d.getFile()
                : cause instanceof java.nio.file.FileAlreadyExistsException f ? "it exists and is in the way: " + f.getFile()
                : cause instanceof java.net.BindException b ? "the port is in use or cannot be bound (" + b.getMessage() + ")"
                : String.valueOf(cause.getMessage());
        return t == cause ? why : t.getMessage() + ": " + why;
    }
}
