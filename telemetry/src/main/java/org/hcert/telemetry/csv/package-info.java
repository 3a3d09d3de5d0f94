/**
 * Recordings as CSV, one row per message: {@code t_ns,topic,type} followed by one column per
 * flattened field path ({@code header.stamp.sec}, {@code position[3]}); see docs/telemetry.md, "CSV recordings".
 */
@NullMarked
package org.hcert.telemetry.csv;

import org.jspecify.annotations.NullMarked;
