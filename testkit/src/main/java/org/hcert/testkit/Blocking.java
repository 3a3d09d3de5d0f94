package org.hcert.testkit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Run a blocking call where a test can wait for it with a timeout. */
public final class Blocking {

    private Blocking() {}

    /**
     * Run {@code call} on its own daemon thread, never on the common pool (which has one thread on
     * two cores, so one stuck call would block every other).
     */
    public static <T> CompletableFuture<T> call(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "test-blocking-call");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
