package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One worker thread, with a {@link ChunkDecoder} of its own, that reads and decompresses the next
 * chunk while the reading thread walks the current one: for an {@link IndexedMessages} merge and a
 * {@link ChunkPrefetch} of a record stream. The thread is a daemon that ends after a second without
 * work; {@link #close()} releases the decoder's native context on the worker, after the job in
 * flight.
 */
final class ChunkWorker implements Closeable {

    private final ChunkDecoder decoder = new ChunkDecoder();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "hcert-mcap-ahead");
        t.setDaemon(true);
        return t;
    });
    private boolean closed;

    /** Run {@code job} with the worker's decoder; its result, or what it threw, in the future. */
    <T> Future<T> submit(Function<ChunkDecoder, T> job) {
        return executor.submit(() -> job.apply(decoder));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            executor.execute(decoder::close);
            executor.shutdown();
        }
    }
}
