/**
 * ROS 1 bags (format 2.0): records, chunks (uncompressed, bz2, lz4), the connection and chunk-info
 * index, and a scan of a bag without a usable index; messages come out in time order and are
 * decoded by the ROS 1 decoder of {@link org.hcert.telemetry.ros}.
 */
@NullMarked
package org.hcert.telemetry.rosbag1;

import org.jspecify.annotations.NullMarked;
