/**
 * The canonical telemetry model: messages as recorded, typed samples in SI units, and the
 * {@link org.hcert.telemetry.TelemetrySource} seam through which steps read a recording or a live
 * link.
 */
@NullMarked
package org.hcert.telemetry;

import org.jspecify.annotations.NullMarked;
