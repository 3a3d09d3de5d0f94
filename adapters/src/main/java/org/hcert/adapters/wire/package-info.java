/**
 * The hcert wire protocol (docs/wire-protocol.md): COBS-framed, CRC-32C-checked,
 * sequence-numbered frames with CBOR payloads; {@link org.hcert.adapters.wire.WireLink}, the
 * protocol engine behind every {@link org.hcert.adapters.RobotLink}; and the NTP-style
 * {@link org.hcert.adapters.wire.ClockOffsetEstimator}.
 */
@NullMarked
package org.hcert.adapters.wire;

import org.jspecify.annotations.NullMarked;
