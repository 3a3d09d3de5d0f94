/**
 * MCAP recordings (https://mcap.dev/spec): a streaming and an indexed {@link
 * org.hcert.telemetry.mcap.McapReader}, a crash-safe chunked {@link
 * org.hcert.telemetry.mcap.McapWriter}, and {@link org.hcert.telemetry.mcap.McapSource}, the
 * {@link org.hcert.telemetry.TelemetrySource} over an MCAP file. Record parsing, chunk
 * decompression and the index merge are package-private.
 */
@NullMarked
package org.hcert.telemetry.mcap;

import org.jspecify.annotations.NullMarked;
