package org.hcert.telemetry.ros;

import java.util.Arrays;

/** The field being decoded, as {@code a.b[3].c}, kept cheaply so that errors can name it. */
final class FieldPath {

    private String[] names = new String[8];
    private int[] indices = new int[8];
    private int depth;

    void push(String name) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indices = Arrays.copyOf(indices, depth * 2);
        }
        names[depth] = name;
        indices[depth] = -1;
        depth++;
    }

    /** Mark element {@code index} of the innermost field. */
    void index(int index) {
        indices[depth - 1] = index;
    }

    void pop() {
        depth--;
    }

    boolean isEmpty() {
        return depth == 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(names[i]);
            if (indices[i] >= 0) {
                sb.append('[').append(indices[i]).append(']');
            }
        }
        return sb.toString();
    }
}
