/** Streaming reader for hcert's newline-delimited JSON recordings (docs/telemetry.md). */
@NullMarked
package org.hcert.telemetry.ndjson;

import org.jspecify.annotations.NullMarked;
