package org.hcert.telemetry.rosbag;

import org.hcert.telemetry.SchemaInfo;
import org.jspecify.annotations.Nullable;

/**
 * One row of the rosbag2 {@code topics} table.
 *
 * @param schema the definition to decode with, or {@code null} when none was found
 */
record Topic(String name, String type, String serializationFormat, @Nullable SchemaInfo schema) {}
