/** rosbag2 recordings stored in SQLite ({@code .db3}), read as a {@link org.hcert.telemetry.TelemetrySource}. */
@NullMarked
package org.hcert.telemetry.rosbag;

import org.jspecify.annotations.NullMarked;
