package org.hcert.adapters.safety;

/** The interlock refused a motion command; nothing was sent. A step that meets it is INCONCLUSIVE. */
public final class MotionRefusedException extends RuntimeException {

    MotionRefusedException(String message) {
        super(message);
    }
}
