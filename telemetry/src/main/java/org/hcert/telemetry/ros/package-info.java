/** Decoding of ROS message bodies (JSON shape of the .msg definitions) into typed samples. */
@NullMarked
package org.hcert.telemetry.ros;

import org.jspecify.annotations.NullMarked;
