package org.hcert.simulator;

import java.util.Optional;
import java.util.Random;
import org.hcert.telemetry.Message;

/**
 * The telemetry faults: {@code stalled-link} (nothing leaves for a while), {@code dropped-frames}
 * and {@code corrupted-frames} (each message independently, with its own seeded generator).
 */
final class LinkFaults {

    private final FaultInjector faults;
    private final Random drops;
    private final Random corruption;

    LinkFaults(FaultInjector faults, long seed) {
        this.faults = faults;
        this.drops = new Random(seed ^ 0x6472_6f70L);
        this.corruption = new Random(seed ^ 0x636f_7272L);
    }

    /** The message as it leaves at simulator time {@code nowNs}, or empty when the link loses it. */
    Optional<OutboundMessage> pass(Message m, long nowNs) {
        if (faults.isActive(Fault.STALLED_LINK)) {
            long end = faults.activatedAtNs(Fault.STALLED_LINK) + seconds(faults.parameter(Fault.STALLED_LINK));
            if (nowNs < end) {
                return Optional.empty();
            }
        }
        if (faults.isActive(Fault.DROPPED_FRAMES) && drops.nextDouble() < faults.parameter(Fault.DROPPED_FRAMES)) {
            return Optional.empty();
        }
        boolean corrupt = faults.isActive(Fault.CORRUPTED_FRAMES)
                && corruption.nextDouble() < faults.parameter(Fault.CORRUPTED_FRAMES);
        return Optional.of(new OutboundMessage(m, corrupt));
    }

    /** The robot clock's offset from the simulator's, ns ({@code clock-jump}). */
    long clockOffsetNs() {
        return faults.isActive(Fault.CLOCK_JUMP) ? seconds(faults.parameter(Fault.CLOCK_JUMP)) : 0;
    }

    static long seconds(double s) {
        return Math.round(s * 1e9);
    }
}
