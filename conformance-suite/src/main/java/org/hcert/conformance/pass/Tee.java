package org.hcert.conformance.pass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.mapping.Role;
import org.jspecify.annotations.Nullable;

/**
 * Feed one stream of samples to several pull-style metrics at once. Each metric runs on its own
 * thread and sees, in order, exactly the samples of its own roles, handed over in batches through
 * a bounded queue, so memory stays constant however long the stream.
 */
final class Tee {

    /** Samples per hand-over: {@value}. */
    static final int BATCH = 1024;

    /** Batches a metric may lag behind the reader: {@value}. */
    static final int QUEUED_BATCHES = 4;

    private static final Sample[] END = new Sample[0];

    private Tee() {}

    /** What one metric gave: its result, or what it threw. */
    record Branch(@Nullable Object result, @Nullable Throwable failure) {}

    /**
     * Read {@code samples} to the end and return each demand's branch, in the order given.
     *
     * @param roleOf the role of each topic in the stream
     * @throws RuntimeException whatever reading the stream threw; the metrics are then abandoned
     */
    static List<Branch> run(Iterator<Sample> samples, Map<String, Role> roleOf, List<Demand<?>> demands) {
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < demands.size(); i++) {
            Feed feed = new Feed(demands.get(i), "hcert-metric-" + i);
            feeds.add(feed);
            feed.thread.start();
        }
        boolean read = false;
        try {
            while (samples.hasNext()) {
                Sample s = samples.next();
                Role role = roleOf.get(s.topic());
                for (Feed feed : feeds) {
                    if (feed.roles.contains(role)) {
                        feed.offer(s);
                    }
                }
            }
            for (Feed feed : feeds) {
                feed.end();
            }
            read = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while teeing samples to the metrics", e);
        } finally {
            if (!read) {
                feeds.forEach(f -> f.thread.interrupt());
            }
            joinAll(feeds);
        }
        return feeds.stream().map(f -> new Branch(f.result, f.failure)).toList();
    }

    private static void joinAll(List<Feed> feeds) {
        boolean interrupted = false;
        for (Feed feed : feeds) {
            while (true) {
                try {
                    feed.thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    feed.thread.interrupt();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One metric's queue, thread and outcome. */
    private static final class Feed implements Runnable {
        final Demand<?> demand;
        final Set<Role> roles;
        final BlockingQueue<Sample[]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        final Thread thread;
        Sample[] filling = new Sample[BATCH];
        int filled;
        volatile @Nullable Object result;
        volatile @Nullable Throwable failure;

        Feed(Demand<?> demand, String name) {
            this.demand = demand;
            this.roles = demand.roles();
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        void offer(Sample s) throws InterruptedException {
            filling[filled++] = s;
            if (filled == BATCH) {
                queue.put(filling);
                filling = new Sample[BATCH];
                filled = 0;
            }
        }

        void end() throws InterruptedException {
            if (filled > 0) {
                queue.put(Arrays.copyOf(filling, filled));
            }
            filling = END;
            queue.put(END);
        }

        @Override
        public void run() {
            Batches in = new Batches(queue);
            try {
                result = demand.metric().apply(in);
            } catch (Throwable t) {
                failure = t;
            } finally {
                in.drain();
            }
        }
    }

    /** The samples of the batches in a queue, up to the end marker. */
    private static final class Batches implements Iterator<Sample> {
        private final BlockingQueue<Sample[]> queue;
        private Sample[] batch = new Sample[0];
        private int next;
        private boolean ended;

        Batches(BlockingQueue<Sample[]> queue) {
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            while (next == batch.length && !ended) {
                Sample[] taken = take();
                if (taken == null) {
                    throw new IllegalStateException("the shared pass was abandoned: reading the recording failed");
                }
                batch = taken;
                next = 0;
                ended = taken == END;
            }
            return next < batch.length;
        }

        @Override
        public Sample next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more samples");
            }
            return batch[next++];
        }

        /** Take what the metric left unread, so that the reader never waits on a finished metric. */
        void drain() {
            while (!ended) {
                Sample[] taken = take();
                ended = taken == null || taken == END;
            }
        }

        /** The next batch, or null when the reader gave up on the metrics (this thread was interrupted). */
        private Sample @Nullable [] take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                ended = true;
                return null;
            }
        }
    }
}
