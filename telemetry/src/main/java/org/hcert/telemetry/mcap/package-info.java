/**
 * MCAP recordings (https://mcap.dev/spec): a streaming and an indexed {@link
 * org.hcert.telemetry.mcap.McapReader}, a crash-safe chunked {@link
 * org.hcert.telemetry.mcap.McapWriter}, and {@link org.hcert.telemetry.mcap.McapSource}, the
 * {@link org.hcert.telemetry.TelemetrySource} over an MCAP file. {@link
 * org.hcert.telemetry.mcap.MessageViews} walks messages through one reused {@link
 * org.hcert.telemetry.mcap.MessageView}, without an object per message. Record parsing, chunk
 * decompression (with a prefetch worker for the stream) and the index merge are package-private.
 */
@NullMarked
package org.hcert.telemetry.mcap;

import org.jspecify.annotations.NullMarked;
