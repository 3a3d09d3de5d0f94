package org.hcert.bench;

import java.util.List;

/**
 * What the bench humanoid does, in cycles of {@value #CYCLE_MS} ms that repeat for the length of a
 * recording. Times are milliseconds into the cycle:
 *
 * <pre>
 *      0  standing, drives enabled
 *   1000  event start
 *   2000  speeds up to 0.6 m/s (quintic ramp of 1 s), mode walking
 *  20000  a stop while walking: e-stop in even cycles (event estop_pressed, e-stop input on),
 *         protective stop in odd cycles (event stop_requested, protective-stop input on);
 *         slows to standstill in 350 ms
 *  20400  e-stop cycles: drive power removed (stop category 1)
 *  25000  released: estop_reset / stop_released, inputs off, mode standing
 *  26000  e-stop cycles: drive power restored (event drives_enabled)
 * </pre>
 */
final class Script {

    static final int CYCLE_MS = 30_000;
    static final int STOP_MS = 20_000;
    static final int STOP_RAMP_MS = 350;

    /** An event and its free-text detail. */
    record Event(String kind, String detail) {}

    /**
     * The safety state at one instant.
     *
     * @param mode standing, walking, estop or protective_stop
     */
    record Safety(String mode, boolean estop, boolean protectiveStop, boolean driveEnabled) {}

    private Script() {}

    /** The walking-speed share s in [0, 1] at {@code ms} since the start. */
    static double speedShare(long ms) {
        long t = ms % CYCLE_MS;
        if (t < 2000) {
            return 0;
        }
        if (t < 3000) {
            return smooth((t - 2000) / 1000.0);
        }
        if (t < STOP_MS) {
            return 1;
        }
        if (t < STOP_MS + STOP_RAMP_MS) {
            return 1 - smooth((t - STOP_MS) / (double) STOP_RAMP_MS);
        }
        return 0;
    }

    /** The rate of change of the speed share, 1/s. */
    static double speedShareRate(long ms) {
        long t = ms % CYCLE_MS;
        if (t >= 2000 && t < 3000) {
            return smoothRate((t - 2000) / 1000.0);
        }
        if (t >= STOP_MS && t < STOP_MS + STOP_RAMP_MS) {
            return -smoothRate((t - STOP_MS) / (double) STOP_RAMP_MS) * 1000.0 / STOP_RAMP_MS;
        }
        return 0;
    }

    static Safety safety(long ms) {
        long t = ms % CYCLE_MS;
        boolean estopCycle = (ms / CYCLE_MS) % 2 == 0;
        boolean stopped = t >= STOP_MS && t < 25_000;
        String mode = t >= 2000 && t < STOP_MS ? "walking"
                : stopped ? (estopCycle ? "estop" : "protective_stop") : "standing";
        boolean driveOff = estopCycle && t >= STOP_MS + 400 && t < 26_000;
        return new Safety(mode, stopped && estopCycle, stopped && !estopCycle, !driveOff);
    }

    /** The events at exactly {@code ms}, usually none. */
    static List<Event> events(long ms) {
        long t = ms % CYCLE_MS;
        long cycle = ms / CYCLE_MS;
        boolean estopCycle = cycle % 2 == 0;
        if (t == 1000) {
            return List.of(new Event("start", "cycle " + cycle));
        }
        if (t == STOP_MS) {
            return List.of(estopCycle ? new Event("estop_pressed", "operator e-stop while walking")
                    : new Event("stop_requested", "protective stop while walking"));
        }
        if (t == 25_000) {
            return List.of(estopCycle ? new Event("estop_reset", "") : new Event("stop_released", ""));
        }
        if (t == 26_000 && estopCycle) {
            return List.of(new Event("drives_enabled", ""));
        }
        return List.of();
    }

    /** The quintic smoothstep 6x⁵ − 15x⁴ + 10x³ on [0, 1]. */
    static double smooth(double x) {
        return x * x * x * (x * (6 * x - 15) + 10);
    }

    private static double smoothRate(double x) {
        return 30 * x * x * (x - 1) * (x - 1);
    }
}
