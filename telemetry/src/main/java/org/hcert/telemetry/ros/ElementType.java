package org.hcert.telemetry.ros;

/** The type of one value of a field: a primitive or a nested message. */
sealed interface ElementType permits Primitive, MessageType {

    /** The type as written in a definition, for error messages. */
    String displayName();
}
