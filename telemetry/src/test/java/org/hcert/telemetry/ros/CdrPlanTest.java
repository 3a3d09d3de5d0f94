package org.hcert.telemetry.ros;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TestData;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.hcert.telemetry.ros.CdrPlan.Kind;
import org.hcert.telemetry.ros.CdrPlan.Want;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast CDR path against the reference decoder ({@link RosBodyDecoders}) on every CDR message of
 * the rosbag2 MCAP bags (every primitive, fixed and bounded arrays, nested and empty messages,
 * strings, service events): it accepts exactly the bodies the reference accepts, also when they
 * are cut or have a byte changed, and every field it captures equals the reference's JSON value.
 */
class CdrPlanTest {

    private final RosBodyDecoders reference = RosBodyDecoders.standard();

    static Stream<Path> files() throws IOException {
        Path root = TestData.rosbag2();
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".mcap")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void acceptsWhatTheReferenceAcceptsAndCapturesTheSameValues(Path file) {
        int checked = 0;
        try (McapReader reader = McapReader.open(file)) {
            for (Iterator<McapRecord.Message> it = reader.messages(); it.hasNext(); ) {
                McapRecord.Message m = it.next();
                McapRecord.Channel channel = reader.channels().get(m.channelId());
                SchemaInfo schema = schema(reader, channel);
                if (!channel.messageEncoding().equals("cdr") || !schema.encoding().equals("ros2msg")) {
                    continue;
                }
                MessageType type;
                try {
                    type = DefinitionParser.parse(schema.name(), text(schema), Dialect.ROS2);
                } catch (TelemetryException e) {
                    continue;
                }
                byte[] body = new byte[m.data().remaining()];
                m.data().duplicate().get(body);
                for (List<Want> wants : List.of(topLevelWants(type), nestedWants(type, 3))) {
                    CdrPlan plan = CdrPlan.compile(type, wants).orElseThrow();
                    compare(schema, plan, wants, body);
                    SplittableRandom random = new SplittableRandom(m.logTime());
                    for (int i = 0; i < 4; i++) {
                        byte[] broken = body.length < 2 ? body : Arrays.copyOf(body, random.nextInt(body.length));
                        compare(schema, plan, wants, broken);
                        byte[] flipped = body.clone();
                        if (flipped.length > 0) {
                            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                        }
                        compare(schema, plan, wants, flipped);
                    }
                }
                checked++;
            }
        }
        assertThat(checked).as("CDR messages in %s", file).isPositive();
    }

    static Stream<String> bundledTypes() {
        return BundledDefinitions.TYPES.stream();
    }

    /**
     * hcert's own message types, every field a different value: nested messages are read in line
     * and runs of float64 values (a vector, a quaternion, a covariance) as one step, so a value
     * read from its neighbour's bytes, or a cut inside a run accepted, would show here. Every
     * length of the body is tried.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledTypes")
    void bundledTypesWithEveryFieldDistinct(String typeName) {
        SchemaInfo schema = BundledDefinitions.schema(typeName).orElseThrow();
        MessageType type = BundledDefinitions.messageType(typeName).orElseThrow();
        ObjectNode json = distinct(type, new int[] {1});
        byte[] body = CdrEncoder.of(schema).encode(json);
        for (int skipEvery : new int[] {0, 2, 3}) {
            List<Want> wants = nestedWants(type, skipEvery);
            assertThat(wants).as("%s: fields captured", typeName).isNotEmpty();
            CdrPlan plan = CdrPlan.compile(type, wants).orElseThrow();
            for (int length = 0; length <= body.length; length++) {
                compare(schema, plan, wants, Arrays.copyOf(body, length));
            }
        }
    }

    /** A body for {@code type} whose every number, flag and text differs from the others (arrays of two or three). */
    private static ObjectNode distinct(MessageType type, int[] next) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (MessageType.Field f : type.fields()) {
            FieldType t = f.type();
            int n = switch (t.arity()) {
                case SINGLE -> 1;
                case FIXED -> t.length();
                default -> 3;
            };
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < n; i++) {
                int v = next[0]++;
                if (t.element() instanceof MessageType m) {
                    array.add(distinct(m, next));
                } else if (t.element() == Primitive.BOOL) {
                    array.add(v % 2 == 0);
                } else if (((Primitive) t.element()).isText()) {
                    array.add("s" + v);
                } else if (t.element() == Primitive.FLOAT64 || t.element() == Primitive.FLOAT32) {
                    array.add(v + 0.5);
                } else {
                    array.add(v % 100);
                }
            }
            out.set(f.name(), t.arity() == FieldType.Arity.SINGLE ? array.get(0) : array);
        }
        return out;
    }

    private void compare(SchemaInfo schema, CdrPlan plan, List<Want> wants, byte[] body) {
        Optional<JsonNode> expected;
        try {
            expected = Optional.of(reference.decode(schema, "cdr", ByteBuffer.wrap(body)));
        } catch (TelemetryException e) {
            expected = Optional.empty();
        }
        CdrPlan.Values values = new CdrPlan.Values();
        boolean accepted;
        try {
            plan.run(new CdrCursor(), ByteBuffer.wrap(body).asReadOnlyBuffer(), values);
            accepted = true;
        } catch (RuntimeException e) {
            assertThat(e).isSameAs(CdrCursor.REJECTED);
            accepted = false;
        }
        assertThat(accepted).as("%s, %d bytes: fast path accepts iff the reference does", schema.name(), body.length)
                .isEqualTo(expected.isPresent());
        // the same body inside a larger buffer, as in a chunk, with bytes before and after it that a read past its end would see
        byte[] around = new byte[body.length + 40];
        for (int i = 0; i < around.length; i++) {
            around[i] = (byte) (i % 7 == 0 ? 0 : 0x41 + i % 5);
        }
        System.arraycopy(body, 0, around, 13, body.length);
        CdrPlan.Values inChunk = new CdrPlan.Values();
        boolean acceptedInChunk;
        try {
            plan.run(new CdrCursor(), ByteBuffer.wrap(around).asReadOnlyBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN), 13,
                    13 + body.length, inChunk);
            acceptedInChunk = true;
        } catch (RuntimeException e) {
            assertThat(e).isSameAs(CdrCursor.REJECTED);
            acceptedInChunk = false;
        }
        assertThat(acceptedInChunk).as("%s, %d bytes inside a larger buffer", schema.name(), body.length).isEqualTo(accepted);
        if (accepted) {
            assertThat(inChunk.numbers).containsExactly(values.numbers);
            assertThat(inChunk.bools).containsExactly(values.bools);
            assertThat(inChunk.strings).containsExactly(values.strings);
            assertThat(inChunk.lists).containsExactly(values.lists);
            for (int i = 0; i < values.arrays.length; i++) {
                assertThat(inChunk.arrays[i]).isEqualTo(values.arrays[i]);
            }
        }
        if (expected.isPresent()) {
            for (Want w : wants) {
                JsonNode node = expected.get().at("/" + w.path().replace('.', '/'));
                switch (w.kind()) {
                    case NUMBER -> assertThat(values.numbers[w.slot()]).as(w.path()).isEqualTo(node.doubleValue());
                    case BOOL -> assertThat(values.bools[w.slot()]).as(w.path()).isEqualTo(node.booleanValue());
                    case STRING -> assertThat(values.strings[w.slot()]).as(w.path()).isEqualTo(node.textValue());
                    case NUMBERS -> assertThat(values.arrays[w.slot()]).as(w.path()).containsExactly(doubles(node));
                    case STRINGS -> assertThat(values.lists[w.slot()]).as(w.path()).isEqualTo(strings(node));
                    default -> throw new AssertionError(w);
                }
            }
        }
    }

    /** Capture every top-level field hcert could read, up to the slots there are; skip the rest. */
    private static List<Want> topLevelWants(MessageType type) {
        List<Want> wants = new ArrayList<>();
        int[] used = new int[Kind.values().length];
        int[] capacity = {16, 4, 4, 4, 2};
        for (MessageType.Field f : type.fields()) {
            if (!(f.type().element() instanceof Primitive p) || p == Primitive.WSTRING) {
                continue;
            }
            boolean single = f.type().arity() == FieldType.Arity.SINGLE;
            Kind kind = p == Primitive.BOOL ? (single ? Kind.BOOL : null)
                    : p == Primitive.STRING ? (single ? Kind.STRING : Kind.STRINGS)
                    : single ? Kind.NUMBER : Kind.NUMBERS;
            if (kind != null && used[kind.ordinal()] < capacity[kind.ordinal()]) {
                wants.add(new Want(f.name(), kind, used[kind.ordinal()]++, true));
            }
        }
        return wants;
    }

    /**
     * Capture the primitive fields at any depth of nested messages (not inside arrays), but for
     * every {@code skipEvery}-th (none when 0), up to the slots there are: nested messages are read
     * in line, and runs of captured and skipped values of one size are read as one step.
     */
    private static List<Want> nestedWants(MessageType type, int skipEvery) {
        List<Want> wants = new ArrayList<>();
        nestedWants(type, "", skipEvery, wants, new int[Kind.values().length], new int[1]);
        return wants;
    }

    private static void nestedWants(MessageType type, String prefix, int skipEvery, List<Want> wants, int[] used, int[] leaves) {
        int[] capacity = {16, 4, 4, 4, 2};
        for (MessageType.Field f : type.fields()) {
            String path = prefix + f.name();
            boolean single = f.type().arity() == FieldType.Arity.SINGLE;
            if (single && f.type().element() instanceof MessageType m) {
                nestedWants(m, path + ".", skipEvery, wants, used, leaves);
                continue;
            }
            boolean skipped = skipEvery > 0 && leaves[0]++ % skipEvery == skipEvery - 1;
            if (!(f.type().element() instanceof Primitive p) || p == Primitive.WSTRING || skipped) {
                continue;
            }
            Kind kind = p == Primitive.BOOL ? (single ? Kind.BOOL : null)
                    : p == Primitive.STRING ? (single ? Kind.STRING : Kind.STRINGS)
                    : single ? Kind.NUMBER : Kind.NUMBERS;
            if (kind != null && used[kind.ordinal()] < capacity[kind.ordinal()]) {
                wants.add(new Want(path, kind, used[kind.ordinal()]++, true));
            }
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.textValue()));
        return out;
    }

    private static SchemaInfo schema(McapReader reader, McapRecord.Channel channel) {
        McapRecord.Schema s = reader.schemas().get(channel.schemaId());
        byte[] data = new byte[s.data().remaining()];
        s.data().duplicate().get(data);
        return new SchemaInfo(s.name(), s.encoding(), data);
    }

    private static String text(SchemaInfo schema) {
        return new String(schema.data(), StandardCharsets.UTF_8);
    }
}
