package org.hcert.conformance.family;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.hcert.telemetry.Sample;
import org.jspecify.annotations.Nullable;

/**
 * The samples of the last {@code spanNs}, oldest first, in arrival order: a sample is dropped once
 * the newest is more than the span later than it (but the newest {@code minKept} are always kept).
 * The times are kept beside the samples in a primitive ring, so dropping the old ones reads no old
 * sample: at 1 kHz over a second, those are out of the caches, and reading each one's time was most
 * of the cost of remembering.
 *
 * @param <T> the kind of sample
 */
final class RecentSamples<T extends Sample> implements Iterable<T> {

    private final long spanNs;
    private final int minKept;
    private @Nullable Object[] samples = new Object[64];
    private long[] times = new long[64];
    private int head;
    private int size;

    /**
     * @param spanNs how far back samples are kept, ns
     * @param minKept how many of the newest are kept however old
     */
    RecentSamples(long spanNs, int minKept) {
        this.spanNs = spanNs;
        this.minKept = minKept;
    }

    /** Add the newest sample and drop the ones it leaves behind. */
    void add(T sample) {
        long oldestNs = sample.tNs() - spanNs;
        while (size > 0 && size >= minKept && times[head] < oldestNs) { // the new one makes up minKept
            samples[head] = null;
            head = (head + 1) & (times.length - 1);
            size--;
        }
        if (size == times.length) {
            Object[] s = new Object[size * 2];
            long[] t = new long[size * 2];
            for (int k = 0; k < size; k++) {
                s[k] = samples[slot(k)];
                t[k] = times[slot(k)];
            }
            samples = s;
            times = t;
            head = 0;
        }
        samples[slot(size)] = sample;
        times[slot(size)] = sample.tNs();
        size++;
    }

    int size() {
        return size;
    }

    /** The {@code k}-th sample, oldest first. */
    @SuppressWarnings("unchecked") // only T are stored
    T get(int k) {
        if (k < 0 || k >= size) {
            throw new IndexOutOfBoundsException(k);
        }
        return (T) java.util.Objects.requireNonNull(samples[slot(k)]);
    }

    /** The newest sample, or null when there is none. */
    @Nullable T last() {
        return size == 0 ? null : get(size - 1);
    }

    private int slot(int k) {
        return (head + k) & (times.length - 1);
    }

    /**
     * Give {@code action} every sample of time {@code fromNs} or later, oldest first; the others are
     * passed over by their times alone, without reading the samples.
     */
    @SuppressWarnings("unchecked") // only T are stored
    void forEachFrom(long fromNs, java.util.function.Consumer<? super T> action) {
        for (int k = 0; k < size; k++) {
            int at = slot(k);
            if (times[at] >= fromNs) {
                action.accept((T) java.util.Objects.requireNonNull(samples[at]));
            }
        }
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int k;

            @Override
            public boolean hasNext() {
                return k < size;
            }

            @Override
            public T next() {
                if (k >= size) {
                    throw new NoSuchElementException();
                }
                return get(k++);
            }
        };
    }
}
