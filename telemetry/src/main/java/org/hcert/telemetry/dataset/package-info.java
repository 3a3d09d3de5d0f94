/**
 * Data sets of embodied-AI teams as recordings: HDF5 episode files (ALOHA and robomimic layouts)
 * and LeRobot datasets (parquet episodes with {@code meta/info.json}), their frames laid end to end
 * as messages that the robot profile's field mapping reads.
 */
@NullMarked
package org.hcert.telemetry.dataset;

import org.jspecify.annotations.NullMarked;
