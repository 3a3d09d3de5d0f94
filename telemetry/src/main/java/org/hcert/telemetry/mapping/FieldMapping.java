package org.hcert.telemetry.mapping;

import org.hcert.telemetry.Message;
import org.hcert.telemetry.Sample;
import org.jspecify.annotations.Nullable;

/**
 * How the fields of a message of any type feed one role, as the robot profile's {@code fields}
 * says: {@link JointFields} for the joints, {@link BodyFields} for every other role.
 */
public sealed interface FieldMapping permits JointFields, BodyFields {

    /**
     * The sample {@code m} carries through these fields, or null when it carries none of them (a
     * message of a shared topic or a row of a table that does not report this role this time).
     *
     * @throws org.hcert.telemetry.TelemetryFormatException when a field the mapping needs is missing or of the wrong kind, naming the message
     */
    @Nullable Sample sampleOf(Message m);
}
