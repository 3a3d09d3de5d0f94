package org.hcert.adapters;

import java.time.Duration;
import java.util.Objects;

/**
 * How a link watches the robot.
 *
 * @param linkTimeout the longest silence from the robot before the link is declared stalled;
 *     default 1 s (the harness pings every {@code pingInterval} and the robot answers)
 * @param helloTimeout how long the robot has to answer the hello; default 5 s
 * @param answerTimeout how long to wait for the answer to a command or ping; default 500 ms
 * @param pingInterval how often to ping (clock exchange and heartbeat); default 200 ms
 * @param syncExchanges ping exchanges when connecting and in {@link RobotLink#syncClock()}; default 16
 * @param clockDriftPpm how fast the robot's clock may drift from the harness's, parts per million;
 *     a clock exchange's uncertainty grows by it with age; default 100
 * @param corruptBurst corrupt frames in a row that fail the link; default 3
 * @param queueCapacity messages a telemetry cursor may hold before it fails as too slow; default 65,536
 * @param clock the harness clock; default {@link HarnessClock#system()}
 */
public record LinkOptions(
        Duration linkTimeout,
        Duration helloTimeout,
        Duration answerTimeout,
        Duration pingInterval,
        int syncExchanges,
        int clockDriftPpm,
        int corruptBurst,
        int queueCapacity,
        HarnessClock clock) {

    public LinkOptions {
        Objects.requireNonNull(linkTimeout, "linkTimeout must not be null");
        Objects.requireNonNull(helloTimeout, "helloTimeout must not be null");
        Objects.requireNonNull(answerTimeout, "answerTimeout must not be null");
        Objects.requireNonNull(pingInterval, "pingInterval must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        if (pingInterval.compareTo(linkTimeout) >= 0) {
            throw new IllegalArgumentException("pingInterval (%d ms) must be shorter than linkTimeout (%d ms), or a quiet robot looks stalled"
                    .formatted(pingInterval.toMillis(), linkTimeout.toMillis()));
        }
        if (syncExchanges < 1 || clockDriftPpm < 1 || corruptBurst < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("syncExchanges, clockDriftPpm, corruptBurst and queueCapacity must be at least 1");
        }
    }

    /** The defaults listed above. */
    public static LinkOptions defaults() {
        return new LinkOptions(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofMillis(200), 16, 64, 3, 65_536,
                HarnessClock.system());
    }

    public LinkOptions withLinkTimeout(Duration d) {
        return new LinkOptions(d, helloTimeout, answerTimeout, pingInterval, syncExchanges, clockDriftPpm, corruptBurst, queueCapacity, clock);
    }

    public LinkOptions withHelloTimeout(Duration d) {
        return new LinkOptions(linkTimeout, d, answerTimeout, pingInterval, syncExchanges, clockDriftPpm, corruptBurst, queueCapacity, clock);
    }

    public LinkOptions withAnswerTimeout(Duration d) {
        return new LinkOptions(linkTimeout, helloTimeout, d, pingInterval, syncExchanges, clockDriftPpm, corruptBurst, queueCapacity, clock);
    }

    public LinkOptions withPingInterval(Duration d) {
        return new LinkOptions(linkTimeout, helloTimeout, answerTimeout, d, syncExchanges, clockDriftPpm, corruptBurst, queueCapacity, clock);
    }

    public LinkOptions withSyncExchanges(int n) {
        return new LinkOptions(linkTimeout, helloTimeout, answerTimeout, pingInterval, n, clockDriftPpm, corruptBurst, queueCapacity, clock);
    }

    public LinkOptions withCorruptBurst(int n) {
        return new LinkOptions(linkTimeout, helloTimeout, answerTimeout, pingInterval, syncExchanges, clockDriftPpm, n, queueCapacity, clock);
    }

    public LinkOptions withQueueCapacity(int n) {
        return new LinkOptions(linkTimeout, helloTimeout, answerTimeout, pingInterval, syncExchanges, clockDriftPpm, corruptBurst, n, clock);
    }

    public LinkOptions withClock(HarnessClock c) {
        return new LinkOptions(linkTimeout, helloTimeout, answerTimeout, pingInterval, syncExchanges, clockDriftPpm, corruptBurst, queueCapacity, c);
    }
}
