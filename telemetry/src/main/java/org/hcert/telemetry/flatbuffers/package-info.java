/** Message bodies in flatbuffers, decoded through the binary schema an MCAP channel carries. */
@NullMarked
package org.hcert.telemetry.flatbuffers;

import org.jspecify.annotations.NullMarked;
