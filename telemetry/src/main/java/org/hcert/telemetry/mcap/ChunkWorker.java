package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One worker thread, with a {@link ChunkDecoder} of its own, that reads and decompresses the next
 * chunk of an {@link IndexedMessages} merge while the merge's thread reads the current one. The
 * thread is a daemon that ends after a second without work; {@link #close()} releases the
 * decoder's native context on the worker, after the job in flight.
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
    Future<ByteBuffer> submit(Function<ChunkDecoder, ByteBuffer> job) {
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
