package org.hcert.conformance.steps;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.hcert.conformance.live.LiveSession;
import org.hcert.conformance.run.CertificationContext;

/** The live branch of a When-step: act, observe, and hand the captured window to the Then-steps. */
final class Live {

    private Live() {}

    static Optional<LiveSession> session() {
        return CertificationContext.current().liveSession();
    }

    /** On a live robot: run {@code action}, observe for {@code window}, and judge what was captured. */
    static void actThenObserve(Consumer<LiveSession> action, Duration window) {
        session().ifPresent(s -> {
            s.capture();
            action.accept(s);
            s.observe(window);
            CertificationContext.current().useScenarioTelemetry(s.endCapture());
        });
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
