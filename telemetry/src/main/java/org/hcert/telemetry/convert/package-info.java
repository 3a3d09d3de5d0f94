/**
 * Convert recordings between NDJSON, CSV and MCAP (ROS 2 CDR or JSON bodies), deterministically.
 */
@NullMarked
package org.hcert.telemetry.convert;

import org.jspecify.annotations.NullMarked;
