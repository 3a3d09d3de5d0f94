package org.hcert.conformance.family;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.jspecify.annotations.Nullable;

/**
 * Find the occurrences of one event kind: from its events, exactly, and, where the kind has an edge
 * in the sampled safety state ({@code drive_enabled}: {@code drive_enabled} rising;
 * {@code power_restored}: the mode leaving {@value Triggers#UNPOWERED}; …), from that edge,
 * bracketed between the last sample before it and the first after it. An event and the state that
 * follows it are one occurrence: after the event (or the edge), the kind counts as having happened
 * until its opposite event ({@code drive_disabled}, {@code power_lost}, …) or the state's return.
 * A state already in the "after" level in the first sample seen is no occurrence (its instant is
 * unknown).
 */
final class Occurrences {

    /**
     * An occurrence, in [{@code earliestNs}, {@code latestNs}] (equal for an event).
     *
     * @param description how it was seen, for the report
     */
    record Occurrence(long earliestNs, long latestNs, String description) {

        long uncertaintyNs() {
            return latestNs - earliestNs;
        }

        /** When, for the report: one instant, or the bracket. */
        String when() {
            return earliestNs == latestNs ? org.hcert.telemetry.TimeWindow.of(earliestNs, earliestNs).toString()
                    : "between %s and %s".formatted(org.hcert.telemetry.TimeWindow.of(earliestNs, earliestNs),
                            org.hcert.telemetry.TimeWindow.of(latestNs, latestNs));
        }
    }

    /**
     * The edge of an event kind in the safety state: the level {@code level} reaches {@code value}.
     *
     * @param opposite the event kind that undoes it
     * @param words the edge in words, e.g. {@code drive_enabled rising}
     */
    record Edge(Predicate<SafetyStateSample> level, boolean value, String opposite, String words) {}

    /** The event kinds that have an edge in the safety state. */
    static final Map<String, Edge> EDGES = Map.of(
            "drive_enabled", new Edge(SafetyStateSample::driveEnabled, true, "drive_disabled", "drive_enabled rising"),
            "drive_disabled", new Edge(SafetyStateSample::driveEnabled, false, "drive_enabled", "drive_enabled falling"),
            "estop_pressed", new Edge(SafetyStateSample::estop, true, "estop_reset", "e-stop input rising"),
            "estop_reset", new Edge(SafetyStateSample::estop, false, "estop_pressed", "e-stop input falling"),
            "protective_stop", new Edge(SafetyStateSample::protectiveStop, true, "protective_stop_released",
                    "protective-stop input rising"),
            "protective_stop_released", new Edge(SafetyStateSample::protectiveStop, false, "protective_stop",
                    "protective-stop input falling"),
            Triggers.POWER_LOST, new Edge(Triggers::unpowered, true, Triggers.POWER_RESTORED,
                    "mode becoming " + Triggers.UNPOWERED),
            Triggers.POWER_RESTORED, new Edge(Triggers::unpowered, false, Triggers.POWER_LOST,
                    "mode leaving " + Triggers.UNPOWERED));

    private final String kind;
    private final @Nullable Edge edge;
    private boolean after;
    private @Nullable SafetyStateSample last;

    /** @param viaState whether the kind's edge in the safety state counts too (where it has one) */
    Occurrences(String kind, boolean viaState) {
        this.kind = kind;
        this.edge = viaState ? EDGES.get(kind) : null;
    }

    /** How this kind is looked for, for messages: {@code power_restored events and the safety state's mode leaving unpowered}. */
    String lookedFor() {
        Edge e = edge;
        return e == null ? kind + " events" : "%s events and the safety state's %s".formatted(kind, e.words());
    }

    /** The occurrence at {@code s}, if any; call for every sample in order. */
    Optional<Occurrence> onSample(Sample s) {
        Edge e = edge;
        if (s instanceof EventSample event) {
            if (event.kind().equals(kind)) {
                boolean fresh = e == null || !after;
                after = true;
                return fresh ? Optional.of(new Occurrence(event.tNs(), event.tNs(), kind + " event")) : Optional.empty();
            }
            if (e != null && event.kind().equals(e.opposite())) {
                after = false;
            }
            return Optional.empty();
        }
        if (e == null || !(s instanceof SafetyStateSample state)) {
            return Optional.empty();
        }
        SafetyStateSample before = last;
        last = state;
        boolean now = e.level().test(state) == e.value();
        if (before == null) {
            after |= now;
            return Optional.empty();
        }
        boolean was = e.level().test(before) == e.value();
        Optional<Occurrence> out = now && !was && !after
                ? Optional.of(new Occurrence(before.tNs(), state.tNs(), "safety state " + e.words() + ", sampled"))
                : Optional.empty();
        after = now || (after && was == now);
        return out;
    }
}
