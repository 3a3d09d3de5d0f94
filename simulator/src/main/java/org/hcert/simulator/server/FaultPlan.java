package org.hcert.simulator.server;

import java.util.ArrayList;
import java.util.List;
import org.hcert.simulator.Fault;
import org.hcert.simulator.SimulatorConfig;
import org.hcert.simulator.VirtualHumanoid;

/**
 * The faults of one server, split by who implements them: the model's faults are activated in the
 * model at start; the transport faults ({@code dropped-frames}, {@code corrupted-frames},
 * {@code stalled-link}, {@code clock-jump}) are applied by the server ({@link TransportFaults}) from
 * the harness's first command of each session, so that the harness connects and estimates the clock
 * first.
 *
 * @param modelSpecs specs to activate in the model at start (including {@code corrupted-frames}, whose
 *     flags the server turns into damaged frames)
 * @param dropProbability probability that a telemetry frame is left out (its sequence number used up), 0 for none
 * @param corrupt whether flagged frames are damaged
 * @param stallNs how long the robot sends nothing, once per session, ns; 0 for none
 * @param clockJumpSpec the {@code clock-jump} spec to activate in the model at onset, or empty
 */
record FaultPlan(List<String> modelSpecs, double dropProbability, boolean corrupt, long stallNs, String clockJumpSpec) {

    FaultPlan {
        modelSpecs = List.copyOf(modelSpecs);
    }

    /**
     * Check and sort the fault specs.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a bad parameter
     */
    /** Whether there is no transport fault. */
    boolean isEmpty() {
        return dropProbability == 0 && !corrupt && stallNs == 0 && clockJumpSpec.isEmpty();
    }

    static FaultPlan parse(List<String> specs) {
        List<String> model = new ArrayList<>();
        double drop = 0;
        boolean corrupt = false;
        long stall = 0;
        String jump = "";
        for (String spec : specs) {
            VirtualHumanoid scratch = VirtualHumanoid.create(SimulatorConfig.hc1().withTelemetry(false));
            Fault f = scratch.faults().activate(spec);
            double p = parameter(f, spec);
            switch (f) {
                case DROPPED_FRAMES -> drop = p;
                case STALLED_LINK -> stall = Math.round(p * 1e9);
                case CLOCK_JUMP -> jump = spec;
                case CORRUPTED_FRAMES -> {
                    corrupt = true;
                    model.add(spec);
                }
                default -> model.add(spec);
            }
        }
        return new FaultPlan(model, drop, corrupt, stall, jump);
    }

    private static double parameter(Fault f, String spec) {
        int eq = spec.indexOf('=');
        return eq < 0 ? f.defaultParameter() : Double.parseDouble(spec.substring(eq + 1).trim());
    }
}
