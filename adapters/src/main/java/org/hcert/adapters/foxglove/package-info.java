/** Links to robots that run a Foxglove WebSocket server (foxglove_bridge on ROS 2). */
@NullMarked
package org.hcert.adapters.foxglove;

import org.jspecify.annotations.NullMarked;
