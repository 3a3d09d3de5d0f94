package org.hcert.adapters.safety;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.RobotLink;

/**
 * Send the robot a software stop when the harness aborts ({@link #abort}), when the JVM shuts
 * down (SIGTERM, Ctrl-C: a shutdown hook), when the link fails, and when the session ends
 * ({@link #close}). Stops are best effort ({@link RobotLink#stopNow}): when the link is truly
 * gone, the robot's own deadman (docs/wire-protocol.md, section 6) has to stop it.
 */
public final class Watchdog implements AutoCloseable {

    private final RobotLink link;
    private final Thread hook;
    private final LinkListener onLoss;
    private final AtomicInteger stops = new AtomicInteger();
    private volatile boolean armed = true;

    private Watchdog(RobotLink link) {
        this.link = link;
        this.hook = new Thread(() -> stop("the harness is shutting down (SIGTERM or Ctrl-C)"), "hcert-watchdog-shutdown");
        this.onLoss = new LinkListener() {
            @Override
            public void onLost(LinkException problem) {
                stop("the link failed: " + problem.getMessage());
            }
        };
    }

    /** Watch a link from now on. */
    public static Watchdog arm(RobotLink link) {
        Watchdog w = new Watchdog(Objects.requireNonNull(link, "link must not be null"));
        link.addListener(w.onLoss);
        Runtime.getRuntime().addShutdownHook(w.hook);
        return w;
    }

    /** The harness gives up on the run: stop the robot. */
    public void abort(String reason) {
        stop("the harness aborted: " + reason);
    }

    /** How many stops were written to the link. */
    public int stopsSent() {
        return stops.get();
    }

    /** The session ended: stop the robot and disarm. */
    @Override
    public void close() {
        if (!armed) {
            return;
        }
        stop("the session ended");
        armed = false;
        link.removeListener(onLoss);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down; the hook runs or ran.
        }
    }

    private void stop(String reason) {
        if (armed && link.stopNow("hcert watchdog: " + reason)) {
            stops.incrementAndGet();
        }
    }
}
