/**
 * Decoding of ROS message bodies: serialized ROS 2 (CDR) and ROS 1 bodies into their JSON shape
 * with {@link org.hcert.telemetry.ros.RosBodyDecoders}, and JSON-shaped bodies into typed samples
 * with {@link org.hcert.telemetry.ros.RosJsonDecoder}.
 */
@NullMarked
package org.hcert.telemetry.ros;

import org.jspecify.annotations.NullMarked;
