package org.hcert.adapters;

import java.time.Instant;

/** Wall-clock epoch at class initialisation plus elapsed {@link System#nanoTime()}. */
final class SystemHarnessClock implements HarnessClock {

    static final SystemHarnessClock INSTANCE = new SystemHarnessClock();

    private final long epochNs;
    private final long nano0;

    private SystemHarnessClock() {
        Instant now = Instant.now();
        this.nano0 = System.nanoTime();
        this.epochNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long nowNs() {
        return epochNs + (System.nanoTime() - nano0);
    }
}
