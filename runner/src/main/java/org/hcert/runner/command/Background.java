package org.hcert.runner.command;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Work started on a thread of its own while the command goes on, and waited for where its result is needed. */
final class Background {

    private Background() {}

    /**
     * Start {@code work} on a daemon thread named {@code thread}; the supplier returned waits for its
     * result and rethrows its failure as it was thrown.
     */
    static <T> Supplier<T> start(String thread, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, thread);
        worker.setDaemon(true);
        worker.start();
        return () -> {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        };
    }
}
