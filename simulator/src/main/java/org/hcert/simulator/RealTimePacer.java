package org.hcert.simulator;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Paces a {@link VirtualHumanoid} against a monotonic clock for serving a live link: each
 * {@link #tick()} steps the simulation by the time elapsed since the previous tick, at most
 * {@link #MAX_CATCH_UP_NS} at once (a paused process does not make the robot jump ahead by
 * minutes). Clock and sleep are injected, so tests can pace with a fake clock.
 */
public final class RealTimePacer {

    /** Largest simulated time one tick may catch up, ns (100 ms). */
    public static final long MAX_CATCH_UP_NS = 100_000_000L;

    private final VirtualHumanoid robot;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long lastNs;
    private long lostNs;

    /** Sleep for a number of ns; {@code Thread::sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNs(long ns) throws InterruptedException;
    }

    /** Pace {@code robot} by {@code nanoClock} (e.g. {@code System::nanoTime}), sleeping with {@code sleeper}. */
    public RealTimePacer(VirtualHumanoid robot, LongSupplier nanoClock, Sleeper sleeper) {
        this.robot = Objects.requireNonNull(robot, "robot must not be null");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
        this.lastNs = nanoClock.getAsLong();
    }

    /** A pacer on {@link System#nanoTime()} that sleeps with {@link Thread#sleep(long, int)}. */
    public static RealTimePacer systemClock(VirtualHumanoid robot) {
        return new RealTimePacer(robot, System::nanoTime,
                ns -> Thread.sleep(ns / 1_000_000L, (int) (ns % 1_000_000L)));
    }

    /** Step the robot by the real time elapsed since the last tick (capped); return the simulated ns. */
    public long tick() {
        long now = nanoClock.getAsLong();
        long elapsed = Math.max(0, now - lastNs);
        lastNs = now;
        long stepped = Math.min(elapsed, MAX_CATCH_UP_NS);
        lostNs += elapsed - stepped;
        robot.step(stepped);
        return stepped;
    }

    /** Sleep one physics period, then tick; for a serving loop. */
    public long sleepAndTick() throws InterruptedException {
        sleeper.sleepNs(robot.config().physicsPeriodNs());
        return tick();
    }

    /** Real time that was not simulated because ticks came too late, ns. */
    public long lostNs() {
        return lostNs;
    }
}
