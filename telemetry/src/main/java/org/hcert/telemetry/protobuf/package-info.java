/** Protobuf message bodies, decoded through the FileDescriptorSet an MCAP schema carries. */
@NullMarked
package org.hcert.telemetry.protobuf;

import org.jspecify.annotations.NullMarked;
