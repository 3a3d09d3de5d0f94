package org.hcert.conformance.family;

import java.util.Optional;
import org.hcert.conformance.verdict.Comparison;
import org.hcert.conformance.verdict.Limit;
import org.hcert.telemetry.TimeWindow;

/** What the checks of the declaration share: how they name a field, find a limit, and derive one. */
final class Declared {

    /**
     * The window of a reading of the declaration: a document has no signal window, so it is the
     * instant 0 (1970-01-01T00:00:00Z), the same in a recorded and a live run.
     */
    static final TimeWindow DOCUMENT = TimeWindow.of(0, 0);

    private Declared() {}

    /** Where {@code path} (e.g. {@code declaration.arms[0].mass}) is declared: {@code robot.yaml:14}, or the file when it is not given. */
    static String at(ClauseSetup c, String path) {
        int line = c.robot().declaration().line(path);
        return line > 0 ? c.robot().profile() + ":" + line : c.robot().profile().toString();
    }

    /** Why a reading has no value: the field at {@code path}, {@code what} it is, is not declared. */
    static String missing(ClauseSetup c, String path, String what) {
        return "%s (%s) is not given in robot profile %s".formatted(path, what, c.robot().profile());
    }

    /** The clause's limit {@code name}; when it gives none, a problem naming it, and empty. */
    static Optional<Limit> limit(ClauseSetup c, String name, String check, ClauseEvidence.Builder out) {
        Limit l = c.limits().get(name);
        if (l == null) {
            out.problem("clause %s gives no limit %s, which the declaration check %s needs".formatted(c.clauseId(), name, check));
        }
        return Optional.ofNullable(l);
    }

    /** {@code base} used the other way round, e.g. the upper edge of one band as the lower edge of the next. */
    static Limit derived(Limit base, Comparison comparison, String why) {
        return new Limit(base.name(), base.quantity(), comparison, base.evidence(), "%s, %s".formatted(base.source(), why));
    }
}
