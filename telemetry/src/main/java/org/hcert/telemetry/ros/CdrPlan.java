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
            List<Op> ops = new ArrayList<>();
            fields(type, prefix, ops);
            if (ops.size() == 1) {
                return ops.get(0);
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

        /**
         * Append the steps of a message's fields to {@code ops}, a nested message's in line: plain
         * CDR aligns each primitive on its own size and a struct not at all, so a message's fields
         * read the same bytes whether or not they are grouped. Consecutive steps over values of one
         * size are joined ({@link #append}).
         */
        private void fields(MessageType type, @Nullable String prefix, List<Op> ops) {
            if (type.fields().isEmpty()) {
                ops.add(new Op() {
                    @Override
                    void run(CdrCursor in, Values out) {
                        in.need(1);
                    }
                });
                return;
            }
            for (MessageType.Field f : type.fields()) {
                String path = prefix == null ? "" : prefix.isEmpty() ? f.name() : prefix + "." + f.name();
                Optional<Want> want = wants.stream().filter(w -> prefix != null && w.path().equals(path)).findFirst();
                boolean inside = prefix != null && wants.stream().anyMatch(w -> w.path().startsWith(path + "."));
                boolean single = f.type().arity() == FieldType.Arity.SINGLE;
                if (want.isPresent()) {
                    append(ops, capture(f.type(), want.get()));
                } else if (inside && single && f.type().element() instanceof MessageType m) {
                    fields(m, path, ops);
                } else if (inside && wants.stream().anyMatch(w -> w.required() && w.path().startsWith(path + "."))) {
                    failed = true;
                } else if (single && f.type().element() instanceof MessageType m) {
                    fields(m, null, ops);
                } else {
                    append(ops, skip(f.type()));
                }
            }
        }

        /** Add {@code op}, joined with the step before it when both read values of one size. */
        private static void append(List<Op> ops, Op op) {
            Op last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
            if (last instanceof Run a && op instanceof Run b && a.size == b.size) {
                ops.set(ops.size() - 1, a.then(b));
            } else {
                ops.add(op);
            }
        }

        private Op capture(FieldType t, Want w) {
            matched.add(w);
            boolean single = t.arity() == FieldType.Arity.SINGLE;
            Primitive p = t.element() instanceof Primitive prim ? prim : null;
            boolean number = p != null && p.isFixedNumber() && p != Primitive.BOOL;
            int slot = w.slot();
            switch (w.kind()) {
                case NUMBER:
                    if (single && p == Primitive.FLOAT64) {
                        return Run.capture(slot);
                    }
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
            if (t.arity() == FieldType.Arity.FIXED && t.length() > 0 && t.element() instanceof Primitive p && p.isFixedNumber()
                    && p != Primitive.BOOL) {
                return Run.skip(p.size(), t.length());
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
                    return Run.skip(p.size(), 1);
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
     * A run of {@code count} values of {@code size} bytes (not bools, whose bytes are checked), the
     * first aligned on its size and so every one after it: skipped, but for the float64 values at
     * {@code at} (indexes in the run), captured into {@code slots}. A vector's three coordinates, a
     * quaternion or a covariance are one step, their bytes checked once.
     */
    private static final class Run extends Op {
        private static final int[] NONE = new int[0];

        final int size;
        private final int count;
        private final int[] at;
        private final int[] slots;

        private Run(int size, int count, int[] at, int[] slots) {
            this.size = size;
            this.count = count;
            this.at = at;
            this.slots = slots;
        }

        static Run skip(int size, int count) {
            return new Run(size, count, NONE, NONE);
        }

        static Run capture(int slot) {
            return new Run(8, 1, new int[] {0}, new int[] {slot});
        }

        /** This run, then {@code next} (of the same size). */
        Run then(Run next) {
            int[] joinedAt = java.util.Arrays.copyOf(at, at.length + next.at.length);
            int[] joinedSlots = java.util.Arrays.copyOf(slots, slots.length + next.slots.length);
            for (int k = 0; k < next.at.length; k++) {
                joinedAt[at.length + k] = count + next.at[k];
                joinedSlots[slots.length + k] = next.slots[k];
            }
            return new Run(size, count + next.count, joinedAt, joinedSlots);
        }

        @Override
        void run(CdrCursor in, Values out) {
            int first = in.skip(size, count);
            for (int k = 0; k < at.length; k++) {
                out.numbers[slots[k]] = in.float64At(first + 8 * at[k]);
            }
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
