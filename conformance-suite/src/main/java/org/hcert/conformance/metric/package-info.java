/** Metrics as pure functions over telemetry samples: stop time, joint limits, balance. No Cucumber, no I/O. */
@NullMarked
package org.hcert.conformance.metric;

import org.jspecify.annotations.NullMarked;
