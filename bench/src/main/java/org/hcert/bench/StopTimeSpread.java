package org.hcert.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Path;
import java.util.HashMap;
import org.hcert.conformance.family.ClauseSetup;
import org.hcert.conformance.family.Evaluator;
import org.hcert.conformance.plan.Plan;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.simulator.Command;
import org.hcert.simulator.OutboundMessage;
import org.hcert.simulator.SimulatorConfig;
import org.hcert.simulator.StopTruth;
import org.hcert.simulator.VirtualHumanoid;
import org.hcert.telemetry.Sample;
import org.hcert.telemetry.ros.RosJsonDecoder;

/**
 * How far hcert's stop-time metric lands from the virtual humanoid's noise-free truth, without a
 * link: {@code StopTimeSpread [SEEDS [PHASE_STEP_MS [SMOOTHING_MS...]]]}. For every sensor-noise seed
 * and gait phase, HC-1 walks at 0.5 m/s and is e-stopped; its telemetry goes through hcert's
 * decoder and the stop-response family as SE-ESTOP-01 of the bundled standard profile sets it
 * (run from the repository root), with each smoothing window, and the stop time is compared with
 * {@link StopTruth}. Prints the histogram of differences (ms) per window. Deterministic.
 */
public final class StopTimeSpread {

    private static final long MS = 1_000_000L;

    private StopTimeSpread() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int phaseStepMs = args.length > 1 ? Integer.parseInt(args[1]) : 23;
        List<Long> windowsMs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            windowsMs.add(Long.parseLong(args[i]));
        }
        if (windowsMs.isEmpty()) {
            windowsMs.addAll(List.of(0L, 5L, 9L));
        }
        ClauseSetup estop = Plan.of(ProfileLoader.loadRobot(Path.of("profiles/robots/hc1-demo.yaml")),
                ProfileLoader.loadStandard(Path.of("profiles/standards/heis-2026.yaml"))).setup("SE-ESTOP-01").orElseThrow();
        Map<Long, Map<Long, Integer>> histograms = new TreeMap<>();
        int stops = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            for (int phase = 0; phase < 500; phase += phaseStepMs) {
                Stop stop = stop(seed, phase);
                stops++;
                double trueNs = stop.truth.standstillNs().orElseThrow() - stop.truth.triggerNs();
                for (long w : windowsMs) {
                    double measuredS = stopTimeS(withSmoothing(estop, w), stop.samples);
                    long diffMs = Math.round((measuredS * 1e9 - trueNs) / MS);
                    histograms.computeIfAbsent(w, k -> new TreeMap<>()).merge(diffMs, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d stops (%d seeds, gait phases every %d ms); measured - true stop time, ms%n",
                stops, seeds, phaseStepMs);
        for (Map.Entry<Long, Map<Long, Integer>> h : histograms.entrySet()) {
            int within = h.getValue().entrySet().stream().filter(e -> Math.abs(e.getKey()) <= 2)
                    .mapToInt(Map.Entry::getValue).sum();
            System.out.printf(Locale.ROOT, "smoothing %2d ms: %s; within 2 ms: %d of %d%n", h.getKey(), h.getValue(),
                    within, stops);
        }
    }

    private static ClauseSetup withSmoothing(ClauseSetup c, long smoothingMs) {
        Map<String, Double> parameters = new HashMap<>(c.parametersSi());
        parameters.put("standstillSmoothing", smoothingMs / 1e3);
        return new ClauseSetup(c.clauseId(), c.family(), c.limits(), c.unresolved(), parameters, c.options(), c.robot());
    }

    /** The stop time the family reads from {@code samples}, s. */
    private static double stopTimeS(ClauseSetup c, List<Sample> samples) {
        Evaluator e = c.family().evaluator(c);
        samples.forEach(e::accept);
        return e.finish(samples.get(samples.size() - 1).tNs()).readings("stopTime").get(0).valueSi().orElseThrow();
    }

    private record Stop(List<Sample> samples, StopTruth truth) {}

    private static Stop stop(long seed, int phaseMs) {
        VirtualHumanoid robot = VirtualHumanoid.create(SimulatorConfig.hc1().withSeed(seed));
        robot.step(200 * MS);
        robot.accept(new Command.Walk(0.5, 0, 0));
        robot.step((3_000 + phaseMs) * MS);
        List<Sample> samples = new ArrayList<>();
        collect(robot, samples);
        robot.accept(new Command.EmergencyStop());
        for (int i = 0; i < 20; i++) {
            robot.step(100 * MS);
            collect(robot, samples);
        }
        List<StopTruth> estops = robot.stops().stream().filter(s -> s.kind().equals("estop")).toList();
        return new Stop(samples, estops.get(estops.size() - 1));
    }

    /** Keep what the robot published, decoded as hcert decodes it; the last 20 ms before the stop too. */
    private static void collect(VirtualHumanoid robot, List<Sample> into) {
        for (OutboundMessage m : robot.drainTelemetry()) {
            RosJsonDecoder.decode(m.message()).ifPresent(into::add);
        }
    }
}
