package org.hcert.telemetry.ros;

import java.util.List;

/**
 * A resolved message definition: its fields in wire order, constants left out.
 *
 * @param name the full type name, {@code pkg/Type}
 */
record MessageType(String name, List<Field> fields) implements ElementType {

    MessageType {
        fields = List.copyOf(fields);
    }

    @Override
    public String displayName() {
        return name;
    }

    /** One data field of a message. */
    record Field(String name, FieldType type) {}
}
