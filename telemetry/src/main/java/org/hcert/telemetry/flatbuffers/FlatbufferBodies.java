package org.hcert.telemetry.flatbuffers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.flatbuffers.Table;
import com.google.flatbuffers.reflection.BaseType;
import com.google.flatbuffers.reflection.EnumVal;
import com.google.flatbuffers.reflection.Field;
import com.google.flatbuffers.reflection.Schema;
import com.google.flatbuffers.reflection.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.jspecify.annotations.Nullable;

/**
 * Message bodies in flatbuffers, decoded through the binary schema ({@code .bfbs}, the reflection
 * schema {@code flatc --binary --schema} writes) that an MCAP channel of schema encoding
 * {@code flatbuffer} carries, read with the flatbuffers library's reflection classes. A table
 * becomes an object with its fields by name, a vector an array, a struct an object, an enum value
 * its name, a union {@code {"<name>_type": "<member>", "<name>": {…}}}.
 *
 * <p>As flatbuffers defines it, a scalar field a message leaves out holds its default (the writer
 * omits defaults); an optional scalar ({@code = null}) left out, a table, string or vector left out
 * is absent. A body that points outside itself is an error, never a guess.
 */
public final class FlatbufferBodies {

    private FlatbufferBodies() {}

    /** The parsed schema of {@code schema}, whose data is a binary flatbuffers schema. */
    public static Schema schema(SchemaInfo schema) {
        ByteBuffer bb = ByteBuffer.wrap(schema.data()).order(ByteOrder.LITTLE_ENDIAN);
        try {
            Schema s = Schema.getRootAsSchema(bb);
            if (s.rootTable() == null) {
                throw new TelemetryException("%s: the flatbuffer schema names no root table".formatted(schema.name()));
            }
            return s;
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new TelemetryException("%s: not a binary flatbuffer schema (.bfbs, as flatc --binary --schema writes it): %s"
                    .formatted(schema.name(), why(e)), e);
        }
    }

    /** The body {@code data} holds, as a message of {@code schema}'s root table. */
    public static JsonNode decode(Schema schema, ByteBuffer data) {
        ByteBuffer bb = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            int root = bb.getInt(0);
            return new Walk(schema, bb).table(schema.rootTable(), root);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new TelemetryException("the body does not fit its flatbuffer schema %s: %s".formatted(schema.rootTable().name(), why(e)),
                    e);
        }
    }

    private static String why(RuntimeException e) {
        return e instanceof IndexOutOfBoundsException ? "an offset points outside the " + (e.getMessage() == null ? "buffer"
                : "buffer (" + e.getMessage() + ")") : String.valueOf(e.getMessage());
    }

    /** One body's walk; {@link Table} gives the offsets, the schema the types. */
    private static final class Walk extends Table {
        private final Schema schema;
        private final JsonNodeFactory f = JsonNodeFactory.instance;
        private int depth;

        Walk(Schema schema, ByteBuffer bb) {
            this.schema = schema;
            this.bb = bb;
        }

        ObjectNode table(com.google.flatbuffers.reflection.Object object, int position) {
            if (++depth > 64) {
                throw new IllegalArgumentException("tables nested deeper than 64");
            }
            ObjectNode out = f.objectNode();
            for (Field field : fields(object)) {
                __reset(position, bb);
                if (field.deprecated()) {
                    continue;
                }
                int fieldOffset = __offset(field.offset());
                Type type = field.type();
                byte base = type.baseType();
                if (fieldOffset == 0) {
                    if (isScalar(base) && !field.optional()) {
                        out.set(field.name(), defaultValue(field, type));
                    }
                    continue;
                }
                int at = position + fieldOffset;
                switch (base) {
                    case BaseType.String -> out.put(field.name(), __string(at));
                    case BaseType.Vector -> out.set(field.name(), vector(type, at));
                    case BaseType.Obj -> {
                        com.google.flatbuffers.reflection.Object target = schema.objects(type.index());
                        out.set(field.name(), target.isStruct() ? struct(target, at) : table(target, __indirect(at)));
                    }
                    case BaseType.Union -> out.set(field.name(), union(object, field, position, at));
                    default -> out.set(field.name(), scalar(base, type.index(), at));
                }
            }
            depth--;
            return out;
        }

        private JsonNode union(com.google.flatbuffers.reflection.Object object, Field field, int position, int at) {
            Field tag = null;
            for (Field other : fields(object)) {
                if (other.name().equals(field.name() + "_type")) {
                    tag = other;
                }
            }
            if (tag == null) {
                throw new IllegalArgumentException("union " + field.name() + " has no _type field");
            }
            __reset(position, bb);
            int tagOffset = __offset(tag.offset());
            int memberIndex = tagOffset == 0 ? 0 : Byte.toUnsignedInt(bb.get(position + tagOffset));
            EnumVal value = enumValue(field.type().index(), memberIndex);
            Type member = value == null ? null : value.unionType();
            if (member == null || member.index() < 0) {
                return f.nullNode();
            }
            return table(schema.objects(member.index()), __indirect(at));
        }

        private ObjectNode struct(com.google.flatbuffers.reflection.Object object, int at) {
            ObjectNode out = f.objectNode();
            for (Field field : fields(object)) {
                Type type = field.type();
                int p = at + field.offset();
                if (type.baseType() == BaseType.Obj) {
                    out.set(field.name(), struct(schema.objects(type.index()), p));
                } else if (type.baseType() == BaseType.Array) {
                    ArrayNode a = f.arrayNode();
                    int size = elementSize(type.element(), type.index());
                    for (int i = 0; i < type.fixedLength(); i++) {
                        a.add(type.element() == BaseType.Obj ? struct(schema.objects(type.index()), p + i * size)
                                : scalar(type.element(), type.index(), p + i * size));
                    }
                    out.set(field.name(), a);
                } else {
                    out.set(field.name(), scalar(type.baseType(), type.index(), p));
                }
            }
            return out;
        }

        private ArrayNode vector(Type type, int at) {
            int start = __vector(at - bb_pos);
            int length = __vector_len(at - bb_pos);
            if (length < 0 || (long) start + (long) length * elementSize(type.element(), type.index()) > bb.limit()) {
                throw new IndexOutOfBoundsException("a vector of %d elements runs past the end of the body".formatted(length));
            }
            ArrayNode out = f.arrayNode(length);
            int size = elementSize(type.element(), type.index());
            for (int i = 0; i < length; i++) {
                int p = start + i * size;
                switch (type.element()) {
                    case BaseType.String -> out.add(__string(p));
                    case BaseType.Obj -> {
                        com.google.flatbuffers.reflection.Object target = schema.objects(type.index());
                        out.add(target.isStruct() ? struct(target, p) : table(target, __indirect(p)));
                    }
                    default -> out.add(scalar(type.element(), type.index(), p));
                }
            }
            return out;
        }

        private int elementSize(byte element, int index) {
            return switch (element) {
                case BaseType.Bool, BaseType.Byte, BaseType.UByte, BaseType.UType -> 1;
                case BaseType.Short, BaseType.UShort -> 2;
                case BaseType.Int, BaseType.UInt, BaseType.Float, BaseType.String -> 4;
                case BaseType.Long, BaseType.ULong, BaseType.Double -> 8;
                case BaseType.Obj -> schema.objects(index).isStruct() ? schema.objects(index).bytesize() : 4;
                default -> throw new IllegalArgumentException("vectors of base type " + BaseType.name(element) + " are not read");
            };
        }

        private JsonNode scalar(byte base, int enumIndex, int p) {
            JsonNode value = switch (base) {
                case BaseType.Bool -> f.booleanNode(bb.get(p) != 0);
                case BaseType.Byte -> f.numberNode(bb.get(p));
                case BaseType.UByte, BaseType.UType -> f.numberNode(Byte.toUnsignedInt(bb.get(p)));
                case BaseType.Short -> f.numberNode(bb.getShort(p));
                case BaseType.UShort -> f.numberNode(Short.toUnsignedInt(bb.getShort(p)));
                case BaseType.Int -> f.numberNode(bb.getInt(p));
                case BaseType.UInt -> f.numberNode(Integer.toUnsignedLong(bb.getInt(p)));
                case BaseType.Long -> f.numberNode(bb.getLong(p));
                case BaseType.ULong -> unsigned(bb.getLong(p));
                case BaseType.Float -> f.numberNode(bb.getFloat(p));
                case BaseType.Double -> f.numberNode(bb.getDouble(p));
                default -> throw new IllegalArgumentException("base type " + BaseType.name(base) + " is not a scalar");
            };
            return enumIndex >= 0 && base != BaseType.Bool ? enumName(enumIndex, value) : value;
        }

        private JsonNode defaultValue(Field field, Type type) {
            byte base = type.baseType();
            JsonNode value = switch (base) {
                case BaseType.Bool -> f.booleanNode(field.defaultInteger() != 0);
                case BaseType.Float, BaseType.Double -> f.numberNode(field.defaultReal());
                case BaseType.ULong -> unsigned(field.defaultInteger());
                default -> f.numberNode(field.defaultInteger());
            };
            return type.index() >= 0 && base != BaseType.Bool ? enumName(type.index(), value) : value;
        }

        private JsonNode unsigned(long v) {
            return v >= 0 ? f.numberNode(v) : f.numberNode(new BigInteger(Long.toUnsignedString(v)));
        }

        /** The name of {@code value} in enum {@code index}; the number itself when the enum has no such value. */
        private JsonNode enumName(int index, JsonNode value) {
            EnumVal v = enumValue(index, value.asLong());
            return v == null ? value : f.textNode(v.name());
        }

        private @Nullable EnumVal enumValue(int index, long value) {
            com.google.flatbuffers.reflection.Enum e = schema.enums(index);
            for (int i = 0; i < e.valuesLength(); i++) {
                if (e.values(i).value() == value) {
                    return e.values(i);
                }
            }
            return null;
        }

        private static boolean isScalar(byte base) {
            return base >= BaseType.UType && base <= BaseType.Double;
        }

        /** An object's fields in declaration order (the schema keeps them sorted by name). */
        private static List<Field> fields(com.google.flatbuffers.reflection.Object object) {
            List<Field> out = new ArrayList<>(object.fieldsLength());
            for (int i = 0; i < object.fieldsLength(); i++) {
                out.add(object.fields(i));
            }
            out.sort(Comparator.comparingInt(Field::id));
            return out;
        }
    }
}
