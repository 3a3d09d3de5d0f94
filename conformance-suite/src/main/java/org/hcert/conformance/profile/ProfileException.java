package org.hcert.conformance.profile;

import java.nio.file.Path;

/**
 * A profile is unreadable or invalid. The message reads {@code file:line: field: problem}, so an
 * editor can jump to the place; a synthetic stack frame points at the same place.
 */
public final class ProfileException extends RuntimeException {

    private final Path file;
    private final int line;
    private final String field;

    public ProfileException(Path file, int line, String field, String problem) {
        super(render(file, line, field, problem));
        this.file = file;
        this.line = line;
        this.field = field;
        setStackTrace(new StackTraceElement[] {
            new StackTraceElement("✽", field.isEmpty() ? "profile" : field, file.toString(), Math.max(line, 1))
        });
    }

    private static String render(Path file, int line, String field, String problem) {
        String where = line > 0 ? file + ":" + line : file.toString();
        return field.isEmpty() ? where + ": " + problem : where + ": " + field + ": " + problem;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field, as a dotted path such as {@code joints[3].upper}, or empty for the whole file. */
    public String field() {
        return field;
    }
}
