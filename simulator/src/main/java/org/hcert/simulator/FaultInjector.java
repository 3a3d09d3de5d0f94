package org.hcert.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The faults active in one {@link VirtualHumanoid}; several may be active at once. Activation
 * takes effect at the simulator's current time; the simulator reads the set on every step.
 */
public final class FaultInjector {

    private final Map<Fault, Double> active = new EnumMap<>(Fault.class);
    private final Map<Fault, Long> activatedAtNs = new EnumMap<>(Fault.class);
    private final ClockSource clock;

    /** Where activation times come from: the simulator's time in ns. */
    @FunctionalInterface
    interface ClockSource {
        long nowNs();
    }

    FaultInjector(ClockSource clock) {
        this.clock = clock;
    }

    /**
     * Activate the fault named {@code spec}, optionally with a parameter after {@code =}, e.g.
     * {@code dropped-frames=0.2} or {@code clock-jump=-1.5}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a bad parameter
     */
    public Fault activate(String spec) {
        int eq = spec.indexOf('=');
        String name = eq < 0 ? spec : spec.substring(0, eq);
        Fault fault = Fault.byId(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown fault \"%s\"; valid faults: %s".formatted(name.trim(), Fault.validIds())));
        if (eq < 0) {
            activate(fault, fault.defaultParameter());
        } else {
            activate(fault, parse(fault, spec.substring(eq + 1)));
        }
        return fault;
    }

    private static double parse(Fault fault, String text) {
        if (Double.isNaN(fault.defaultParameter())) {
            throw new IllegalArgumentException("fault %s takes no parameter, got \"%s\"".formatted(fault.id(), text));
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault %s: parameter must be a number in %s, got \"%s\""
                    .formatted(fault.id(), fault.parameterUnit(), text), e);
        }
    }

    /** Activate {@code fault} with a parameter in its {@link Fault#parameterUnit() unit}. */
    public void activate(Fault fault, double parameter) {
        boolean probability = "probability".equals(fault.parameterUnit());
        if (probability && !(parameter >= 0 && parameter <= 1)) {
            throw new IllegalArgumentException("fault %s: probability must be in [0, 1], got %s"
                    .formatted(fault.id(), parameter));
        }
        if ("ratio".equals(fault.parameterUnit()) && !(parameter > 0 && parameter <= 1)) {
            throw new IllegalArgumentException("fault %s: the share must be greater than 0 and at most 1, got %s"
                    .formatted(fault.id(), parameter));
        }
        active.put(fault, parameter);
        activatedAtNs.put(fault, clock.nowNs());
    }

    /** Deactivate a fault; deactivating an inactive one does nothing. */
    public void clear(Fault fault) {
        active.remove(fault);
        activatedAtNs.remove(fault);
    }

    public boolean isActive(Fault fault) {
        return active.containsKey(fault);
    }

    /** The active faults. */
    public Set<Fault> active() {
        return Collections.unmodifiableSet(active.keySet());
    }

    /** The parameter of an active fault (NaN when it has none, or when inactive). */
    double parameter(Fault fault) {
        return active.getOrDefault(fault, Double.NaN);
    }

    /** Simulator time at which an active fault was activated, ns; 0 when inactive. */
    long activatedAtNs(Fault fault) {
        return activatedAtNs.getOrDefault(fault, 0L);
    }
}
