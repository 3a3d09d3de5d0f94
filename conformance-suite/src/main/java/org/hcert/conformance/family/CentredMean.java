package org.hcert.conformance.family;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * Centred moving mean of a sampled vector signal, in one pass: each sample is replaced by the mean
 * of the samples within ±{@code halfWidthNs} of it, component by component. A sample is emitted
 * once a later sample beyond its half-width has arrived (or at {@link #flush}, with what has
 * arrived), so the output lags the input by at most one half-width and memory holds one window.
 *
 * <p>A centred mean leaves a signal that is linear over the window unchanged, so it does not
 * shift a threshold crossing of a steady deceleration; it divides uncorrelated noise by √n for n
 * samples in the window. With a half-width shorter than the sample period it emits every sample
 * unchanged. A NaN anywhere in the window makes that component NaN. Samples whose vector length
 * differs from the emitted sample's are left out of its mean. With a half-width of 0 every sample
 * passes through at once.
 */
final class CentredMean {

    /** Receives smoothed samples in time order. */
    interface Sink {
        void accept(long tNs, double[] mean);
    }

    @SuppressWarnings("ArrayRecordComponent") // a queue entry, never compared
    private record Entry(long tNs, double[] values) {}

    private final long halfWidthNs;
    private final Sink sink;
    /** Emitted samples still inside the window of a pending one. */
    private final ArrayDeque<Entry> past = new ArrayDeque<>();
    /** Samples not yet emitted, oldest first. */
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();

    CentredMean(long halfWidthNs, Sink sink) {
        if (halfWidthNs < 0) {
            throw new IllegalArgumentException("half-width must not be negative: " + halfWidthNs);
        }
        this.halfWidthNs = halfWidthNs;
        this.sink = sink;
    }

    /** Add the sample at {@code tNs} (not earlier than the previous one); {@code values} is not copied. */
    void add(long tNs, double[] values) {
        if (halfWidthNs == 0) {
            sink.accept(tNs, values);
            return;
        }
        pending.addLast(new Entry(tNs, values));
        while (!pending.isEmpty() && tNs - pending.peekFirst().tNs() > halfWidthNs) {
            emitOldest();
        }
    }

    /** Emit every pending sample with the samples that have arrived so far. */
    void flush() {
        while (!pending.isEmpty()) {
            emitOldest();
        }
    }

    private void emitOldest() {
        Entry e = pending.pollFirst();
        while (!past.isEmpty() && e.tNs() - past.peekFirst().tNs() > halfWidthNs) {
            past.pollFirst();
        }
        double[] sum = new double[e.values().length];
        int n = 0;
        n += accumulate(past.iterator(), e, sum);
        n += accumulate(pending.iterator(), e, sum);
        n += accumulate(List.of(e).iterator(), e, sum);
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= n;
        }
        past.addLast(e);
        sink.accept(e.tNs(), sum);
    }

    private int accumulate(Iterator<Entry> entries, Entry centre, double[] sum) {
        int n = 0;
        while (entries.hasNext()) {
            Entry x = entries.next();
            if (Math.abs(x.tNs() - centre.tNs()) > halfWidthNs) {
                continue;
            }
            if (x.values().length == sum.length) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += x.values()[i];
                }
                n++;
            }
        }
        return n;
    }
}
