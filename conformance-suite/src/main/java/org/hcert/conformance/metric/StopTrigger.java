package org.hcert.conformance.metric;

import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.jspecify.annotations.Nullable;

/**
 * Detect the instants a stop input asserts: an {@code estop_pressed} event (stamped at the source,
 * preferred), or a rising edge of the safety state's e-stop or protective-stop input.
 */
final class StopTrigger {

    /** What asserted. */
    enum Kind {
        ESTOP_EVENT("estop_pressed event"),
        ESTOP_EDGE("safety state e-stop input"),
        PROTECTIVE_EDGE("safety state protective-stop input");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final boolean includeProtectiveStop;
    private boolean lastEstop;
    private boolean lastProtective;
    private boolean seenSafetyState;

    StopTrigger(boolean includeProtectiveStop) {
        this.includeProtectiveStop = includeProtectiveStop;
    }

    /** Return the kind of stop that asserts at this sample, or null. */
    @Nullable Kind onSample(Sample sample) {
        if (sample instanceof EventSample e && EventSample.ESTOP_PRESSED.equals(e.kind())) {
            return Kind.ESTOP_EVENT;
        }
        if (sample instanceof SafetyStateSample s) {
            boolean estopEdge = seenSafetyState && s.estop() && !lastEstop;
            boolean protectiveEdge = seenSafetyState && s.protectiveStop() && !lastProtective;
            seenSafetyState = true;
            lastEstop = s.estop();
            lastProtective = s.protectiveStop();
            if (estopEdge) {
                return Kind.ESTOP_EDGE;
            }
            if (protectiveEdge && includeProtectiveStop) {
                return Kind.PROTECTIVE_EDGE;
            }
        }
        return null;
    }

    /** Whether this sample resets the e-stop: an {@code estop_reset} event (the input falling is not used here). */
    static boolean isRelease(Sample sample) {
        if (sample instanceof EventSample e) {
            return EventSample.ESTOP_RESET.equals(e.kind());
        }
        return false;
    }
}
