package org.hcert.telemetry.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;

/**
 * Protobuf bodies (MCAP schema encoding {@code protobuf}: the schema's data is a serialized
 * {@code FileDescriptorSet}, its name the message's full name), decoded with the protobuf library's
 * dynamic messages into the JSON shape of the message: fields by their proto names, repeated fields
 * as arrays, enums by name, bytes as base64, 64-bit unsigned integers as unsigned. A field with
 * presence (a message, a proto3 {@code optional}, a oneof member, any proto2 field) that is not set
 * is absent, never a default; a proto3 scalar without presence has its value, which the encoding
 * does not tell from its default.
 */
public final class ProtobufBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProtobufBodies() {}

    /** The message type a protobuf schema names, resolved with its files' dependencies. */
    public static Descriptor descriptor(SchemaInfo schema) {
        FileDescriptorSet set;
        try {
            set = FileDescriptorSet.parseFrom(schema.data());
        } catch (InvalidProtocolBufferException e) {
            throw new TelemetryException("%s (protobuf): the schema is not a FileDescriptorSet: %s".formatted(schema.name(), e.getMessage()), e);
        }
        Map<String, FileDescriptorProto> byName = new HashMap<>();
        set.getFileList().forEach(f -> byName.put(f.getName(), f));
        Map<String, Descriptors.FileDescriptor> built = new HashMap<>();
        for (FileDescriptorProto f : set.getFileList()) {
            Descriptors.FileDescriptor file = build(f.getName(), byName, built, new HashSet<>(), schema.name());
            String pkg = file.getPackage();
            String simple = pkg.isEmpty() ? schema.name() : schema.name().startsWith(pkg + ".") ? schema.name().substring(pkg.length() + 1) : null;
            if (simple != null) {
                Descriptor d = file.findMessageTypeByName(simple);
                if (d == null && simple.contains(".")) {
                    d = nested(file, simple);
                }
                if (d != null) {
                    return d;
                }
            }
        }
        throw new TelemetryException("%s (protobuf): the schema's FileDescriptorSet defines no message of that name".formatted(schema.name()));
    }

    private static Descriptor nested(Descriptors.FileDescriptor file, String dotted) {
        String[] parts = dotted.split("\\.", -1);
        Descriptor d = file.findMessageTypeByName(parts[0]);
        for (int i = 1; d != null && i < parts.length; i++) {
            d = d.findNestedTypeByName(parts[i]);
        }
        return d;
    }

    private static Descriptors.FileDescriptor build(String name, Map<String, FileDescriptorProto> byName,
            Map<String, Descriptors.FileDescriptor> built, Set<String> building, String schemaName) {
        Descriptors.FileDescriptor done = built.get(name);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = byName.get(name);
        if (proto == null) {
            throw new TelemetryException("%s (protobuf): the schema's FileDescriptorSet lacks %s, which another of its files imports"
                    .formatted(schemaName, name));
        }
        if (!building.add(name)) {
            throw new TelemetryException("%s (protobuf): %s imports itself".formatted(schemaName, name));
        }
        List<Descriptors.FileDescriptor> deps = new ArrayList<>();
        for (String dep : proto.getDependencyList()) {
            deps.add(build(dep, byName, built, building, schemaName));
        }
        try {
            Descriptors.FileDescriptor file = Descriptors.FileDescriptor.buildFrom(proto, deps.toArray(Descriptors.FileDescriptor[]::new));
            built.put(name, file);
            return file;
        } catch (Descriptors.DescriptorValidationException e) {
            throw new TelemetryException("%s (protobuf): file %s of the schema is not valid: %s".formatted(schemaName, name, e.getMessage()), e);
        }
    }

    /** Decode {@code data} as a message of {@code type}. */
    public static ObjectNode decode(Descriptor type, ByteBuffer data) {
        try {
            return json(DynamicMessage.parseFrom(type, com.google.protobuf.CodedInputStream.newInstance(data.duplicate())));
        } catch (java.io.IOException e) {
            throw new TelemetryException("%s (protobuf): the body is not a valid message: %s".formatted(type.getFullName(), e.getMessage()), e);
        }
    }

    private static ObjectNode json(DynamicMessage m) {
        ObjectNode o = NODES.objectNode();
        for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
            if (f.isRepeated()) {
                ArrayNode a = o.putArray(f.getName());
                for (int i = 0; i < m.getRepeatedFieldCount(f); i++) {
                    a.add(value(f, m.getRepeatedField(f, i)));
                }
            } else if (!f.hasPresence() || m.hasField(f)) {
                o.set(f.getName(), value(f, m.getField(f)));
            }
        }
        return o;
    }

    private static JsonNode value(FieldDescriptor f, Object v) {
        return switch (f.getJavaType()) {
            case INT -> f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32
                    ? NODES.numberNode(Integer.toUnsignedLong((Integer) v)) : NODES.numberNode((Integer) v);
            case LONG -> {
                long x = (Long) v;
                boolean unsigned = f.getType() == FieldDescriptor.Type.UINT64 || f.getType() == FieldDescriptor.Type.FIXED64;
                yield unsigned && x < 0 ? NODES.numberNode(new BigInteger(Long.toUnsignedString(x))) : NODES.numberNode(x);
            }
            case FLOAT -> NODES.numberNode((double) (Float) v);
            case DOUBLE -> NODES.numberNode((Double) v);
            case BOOLEAN -> NODES.booleanNode((Boolean) v);
            case STRING -> NODES.textNode((String) v);
            case BYTE_STRING -> NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case ENUM -> NODES.textNode(((Descriptors.EnumValueDescriptor) v).getName());
            case MESSAGE -> json((DynamicMessage) v);
        };
    }
}
