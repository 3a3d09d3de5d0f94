/**
 * Safety of the harness itself: {@link org.hcert.adapters.safety.MotionInterlock} (no motion
 * command unless motion is allowed and the operator confirmed; speeds capped) and
 * {@link org.hcert.adapters.safety.Watchdog} (a stop when the harness aborts, is shut down or
 * loses the link).
 */
@NullMarked
package org.hcert.adapters.safety;

import org.jspecify.annotations.NullMarked;
