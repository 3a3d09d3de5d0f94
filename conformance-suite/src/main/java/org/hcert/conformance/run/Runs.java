package org.hcert.conformance.run;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The certifications running in this JVM, by ID, and the one running on the current thread.
 *
 * <p>Cucumber makes its glue and its plugins itself. {@link FeatureRun} registers its context here
 * for the duration of the run and tells the plugins its ID; the glue's object factory finds the
 * context of the thread it runs on (Cucumber runs a run's scenarios on the thread that launched it).
 * Several runs may be registered at once.
 */
public final class Runs {

    private static final Map<String, CertificationContext> BY_ID = new ConcurrentHashMap<>();
    private static final ThreadLocal<@Nullable CertificationContext> CURRENT = new ThreadLocal<>();

    private Runs() {}

    static void begin(CertificationContext context) {
        BY_ID.put(context.id(), context);
        CURRENT.set(context);
    }

    static void end(CertificationContext context) {
        BY_ID.remove(context.id());
        CURRENT.remove();
    }

    static Optional<CertificationContext> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    public static CertificationContext current() {
        CertificationContext c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException(
                    "no certification runs on this thread; run the features through hcert certify or FeatureRun");
        }
        return c;
    }
}
