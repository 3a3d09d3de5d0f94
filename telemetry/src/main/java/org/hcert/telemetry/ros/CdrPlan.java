package org.hcert.telemetry.ros;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message definition compiled for {@link CdrSampleDecoder}: the fields hcert reads are captured
 * into slots of a {@link Values}, every other field is skipped with the checks {@link CdrReader}
 * makes (bools 0 or 1, strings NUL-terminated and within bounds, counts that fit), without building
 * anything.
 */
final class CdrPlan {

    /** What a wanted field must hold. */
    enum Kind {
        NUMBER, BOOL, STRING, NUMBERS, STRINGS
    }

    /**
     * One field hcert reads.
     *
     * @param path dotted field path from the root, e.g. {@code pose.pose.position.x}
     * @param slot the index in {@link Values} of its kind
     * @param required whether a definition without it is refused (optional fields keep their default)
     */
    record Want(String path, Kind kind, int slot, boolean required) {}

    /** The captured values of one body, reused from body to body. */
    static final class Values {
        final double[] numbers = new double[16];
        final boolean[] bools = new boolean[4];
        final String[] strings = new String[4];
        final double[][] arrays = new double[4][];
        final List<?>[] lists = new List<?>[2];
    }

    /**
     * One step of a plan. An abstract class, not a functional interface: the plan's loop over a
     * message's fields calls many kinds of steps, and a call through a class's table costs less
     * than one through an interface's (on the bench recording, interface stubs were the largest
     * single item of the decoding's profile).
     */
    private abstract static class Op {
        abstract void run(CdrCursor in, Values out);
    }

    private final Op root;
    private final java.util.Set<String> captured;

    private CdrPlan(Op root, java.util.Set<String> captured) {
        this.root = root;
        this.captured = captured;
    }

    /** Whether the definition has the wanted field at {@code path}, so that it is captured. */
    boolean captures(String path) {
        return captured.contains(path);
    }

    /**
     * Compile {@code type} for {@code wants}; empty when a required field is missing or a wanted
     * field's type is not the one hcert reads (the reference decoder then reports it).
     */
    static Optional<CdrPlan> compile(MessageType type, List<Want> wants) {
        Compiler c = new Compiler(wants);
        Op root = c.message(type, "");
        boolean complete = wants.stream().filter(Want::required).allMatch(c.matched::contains);
        return c.failed || !complete ? Optional.empty()
                : Optional.of(new CdrPlan(root, java.util.Set.copyOf(c.matched.stream().map(Want::path).toList())));
    }

    /** Decode one body into {@code out}; throws {@link CdrCursor#REJECTED} when the reference decoder would fail. */
    void run(CdrCursor in, ByteBuffer body, Values out) {
        run(in, body, body.position(), body.limit(), out);
    }

    /** Decode the body at {@code start} to {@code end} of {@code buffer} into {@code out}, as {@link #run(CdrCursor, ByteBuffer, Values)}. */
    void run(CdrCursor in, ByteBuffer buffer, int start, int end, Values out) {
        in.reset(buffer, start, end);
        root.run(in, out);
        in.finish();
    }

    private static final class Compiler {
        final List<Want> wants;
        final List<Want> matched = new ArrayList<>();
        final IdentityHashMap<MessageType, Integer> minSizes = new IdentityHashMap<>();
        boolean failed;

        Compiler(List<Want> wants) {
            this.wants = wants;
        }

        /** Compile a message at {@code prefix} (empty for the root), or to be skipped whole when null. */
        Op message(MessageType type, @Nullable String prefix) {
            if (type.fields().isEmpty()) {
                return new Op() {
                    @Override
                    void run(CdrCursor in, Values out) {
                        in.need(1);
                    }
                };
            }
            List<Op> ops = new ArrayList<>();
            for (MessageType.Field f : type.fields()) {
                String path = prefix == null ? "" : prefix.isEmpty() ? f.name() : prefix + "." + f.name();
                Optional<Want> want = wants.stream().filter(w -> prefix != null && w.path().equals(path)).findFirst();
                boolean inside = prefix != null && wants.stream().anyMatch(w -> w.path().startsWith(path + "."));
                if (want.isPresent()) {
                    ops.add(capture(f.type(), want.get()));
                } else if (inside && f.type().arity() == FieldType.Arity.SINGLE && f.type().element() instanceof MessageType m) {
                    ops.add(message(m, path));
                } else if (inside && wants.stream().anyMatch(w -> w.required() && w.path().startsWith(path + "."))) {
                    failed = true;
                } else {
                    ops.add(skip(f.type()));
                }
            }
            Op[] all = ops.toArray(Op[]::new);
            return new Op() {
                @Override
                void run(CdrCursor in, Values out) {
                    for (Op op : all) {
                        op.run(in, out);
                    }
                }
            };
        }

        private Op capture(FieldType t, Want w) {
            matched.add(w);
            boolean single = t.arity() == FieldType.Arity.SINGLE;
            Primitive p = t.element() instanceof Primitive prim ? prim : null;
            boolean number = p != null && p.isFixedNumber() && p != Primitive.BOOL;
            int slot = w.slot();
            switch (w.kind()) {
                case NUMBER:
                    if (single && number && p != null) {
                        return new Op() {
                            @Override
                            void run(CdrCursor in, Values out) {
                                out.numbers[slot] = in.number(p);
                            }
                        };
                    }
                    break;
                case BOOL:
                    if (single && p == Primitive.BOOL) {
                        return new Op() {
                            @Override
                            void run(CdrCursor in, Values out) {
                                out.bools[slot] = in.bool();
                            }
                        };
                    }
                    break;
                case STRING:
                    if (single && p == Primitive.STRING) {
                        return new OneString(t.stringBound(), slot);
                    }
                    break;
                case NUMBERS:
                    if (!single && number && p != null) {
                        return numbers(t, p, slot);
                    }
                    break;
                case STRINGS:
                    if (!single && p == Primitive.STRING) {
                        return new StringList(t, slot);
                    }
                    break;
                default:
                    break;
            }
            failed = true;
            return new Op() {
                @Override
                void run(CdrCursor in, Values out) {
                    // a plan that failed to compile is never run
                }
            };
        }

        private static Op numbers(FieldType t, Primitive p, int slot) {
            return new Op() {
                @Override
                void run(CdrCursor in, Values out) {
                    int count = count(in, t, p.size());
                    double[] values = new double[count];
                    if (p == Primitive.FLOAT64) {
                        in.float64s(values);
                    } else {
                        for (int i = 0; i < count; i++) {
                            values[i] = in.number(p);
                        }
                    }
                    out.arrays[slot] = values;
                }
            };
        }

        private Op skip(FieldType t) {
            Op element = element(t);
            if (t.arity() == FieldType.Arity.SINGLE) {
                return element;
            }
            if (t.element() instanceof Primitive p && p.isFixedNumber() && p != Primitive.BOOL) {
                return new Op() {
                    @Override
                    void run(CdrCursor in, Values out) {
                        in.skip(p.size(), count(in, t, p.size()));
                    }
                };
            }
            int min = minSize(t.element());
            return new Op() {
                @Override
                void run(CdrCursor in, Values out) {
                    int count = count(in, t, min);
                    for (int i = 0; i < count; i++) {
                        element.run(in, out);
                    }
                }
            };
        }

        private Op element(FieldType t) {
            if (t.element() instanceof MessageType m) {
                return message(m, null);
            }
            Primitive p = (Primitive) t.element();
            int bound = t.stringBound();
            switch (p) {
                case BOOL:
                    return new Op() {
                        @Override
                        void run(CdrCursor in, Values out) {
                            in.bool();
                        }
                    };
                case STRING:
                    return new Op() {
                        @Override
                        void run(CdrCursor in, Values out) {
                            in.skipString(bound);
                        }
                    };
                case WSTRING:
                    return new Op() {
                        @Override
                        void run(CdrCursor in, Values out) {
                            in.skipWstring(bound);
                        }
                    };
                default:
                    if (!p.isFixedNumber()) {
                        failed = true;
                    }
                    return new Op() {
                        @Override
                        void run(CdrCursor in, Values out) {
                            in.skip(p.size(), 1);
                        }
                    };
            }
        }

        private int minSize(ElementType e) {
            if (e instanceof Primitive p) {
                return p.size();
            }
            MessageType m = (MessageType) e;
            Integer known = minSizes.get(m);
            if (known != null) {
                return known;
            }
            long sum = m.fields().isEmpty() ? 1 : 0;
            for (MessageType.Field f : m.fields()) {
                FieldType t = f.type();
                long element = minSize(t.element());
                sum += switch (t.arity()) {
                    case SINGLE -> element;
                    case FIXED -> Math.min(Integer.MAX_VALUE / 2, element * t.length());
                    default -> 4;
                };
                sum = Math.min(sum, Integer.MAX_VALUE / 2);
            }
            minSizes.put(m, (int) sum);
            return (int) sum;
        }
    }

    /** The element count of an array or sequence field, checked as {@link MessageWalker} checks it. */
    static int count(CdrCursor in, FieldType t, int minSize) {
        switch (t.arity()) {
            case FIXED:
                in.checkFits(t.length(), minSize);
                return t.length();
            case BOUNDED:
                return in.count(t.length(), minSize);
            default:
                return in.count(-1, minSize);
        }
    }

    /**
     * A string field, most often a header's frame_id: the same text in every message of a stream, so
     * the last one is handed out again when its bytes match, without copying or decoding them.
     */
    private static final class OneString extends Op {
        private final int bound;
        private final int slot;
        private byte[] lastUtf8 = new byte[0];
        private String last = "";

        OneString(int bound, int slot) {
            this.bound = bound;
            this.slot = slot;
        }

        @Override
        void run(CdrCursor in, Values out) {
            int length = in.stringLength(bound);
            if (length == 0) {
                out.strings[slot] = "";
                return;
            }
            int at = in.position() - length;
            if (!in.sameBytes(at, lastUtf8, length - 1)) {
                lastUtf8 = in.bytes(at, length - 1);
                last = new String(lastUtf8, StandardCharsets.UTF_8);
            }
            out.strings[slot] = last;
        }
    }

    /**
     * A {@code string[]} captured as a list; the list of the previous body is reused when the
     * bytes are the same at the same alignment (joint names repeat in every JointState).
     */
    private static final class StringList extends Op {
        private final FieldType type;
        private final int slot;
        private final int bound;
        private byte[] lastBytes = new byte[0];
        private int lastPhase = -1;
        private List<String> last = List.of();

        StringList(FieldType type, int slot) {
            this.type = type;
            this.slot = slot;
            this.bound = type.stringBound();
        }

        @Override
        void run(CdrCursor in, Values out) {
            int phase = in.phase();
            int start = in.position();
            int n = lastBytes.length;
            if (phase == lastPhase && in.remaining() >= n && in.sameBytes(start, lastBytes, n)) {
                in.skip(1, n);
                out.lists[slot] = last;
                return;
            }
            int count = count(in, type, Primitive.STRING.size());
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(in.string(bound));
            }
            last = List.copyOf(names);
            lastPhase = phase;
            lastBytes = in.bytes(start, in.position() - start);
            out.lists[slot] = last;
        }
    }
}
