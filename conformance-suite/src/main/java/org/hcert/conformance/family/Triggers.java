package org.hcert.conformance.family;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hcert.telemetry.EventSample;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Sample;
import org.jspecify.annotations.Nullable;

/**
 * Find the instants a trigger asserts, and the events that end a window.
 *
 * <p>An event stamped at the source ({@code estop_pressed}, {@code protective_stop},
 * {@code stop_requested}, {@code fault}, {@code power_lost}) gives the instant exactly. A trigger
 * seen only through the sampled safety state (its e-stop or protective-stop input rising, its mode
 * becoming {@value #UNPOWERED}) lies somewhere between the last sample without it and the first
 * with it: that bracket is reported, and timing is measured from its start, the earliest possible
 * instant. An input that is already asserted in the first safety state seen is not a trigger (its
 * instant is unknown). A trigger counts once until its input is released or reset (power: restored),
 * so an event and the state that follows it are one trigger. A safety fault is seen only through
 * its {@code fault} event (the safety state has no field for it); every {@code fault} event is one.
 *
 * <p>A window ends where the next trigger of any kind, an e-stop reset or a start begins: windows
 * never overlap those events ({@link WindowEnds}).
 */
final class Triggers {

    /** The inputs a clause can name in its {@code trigger} option. */
    enum Kind {
        ESTOP("estop", "emergency stop"),
        PROTECTIVE_STOP("protective-stop", "protective stop"),
        NORMAL_STOP("normal-stop", "normal stop"),
        ANY_STOP("any-stop", "emergency or protective stop"),
        /**
         * A fault of the safety control system, from its {@code fault} event. Not part of
         * {@link #EVERY}: a fault logged during another stop does not end that stop's window.
         */
        SAFETY_FAULT("safety-fault", "safety fault"),
        /** The main drive bus cut: {@code power_lost}, or the safety state's mode becoming {@value #UNPOWERED}. */
        POWER_LOSS("power-loss", "drive power loss"),
        /** Every stop input but a safety fault: for finding where windows end, not a clause option. */
        EVERY("every-stop", "stop of any kind");

        final String key;
        final String words;

        Kind(String key, String words) {
            this.key = key;
            this.words = words;
        }

        static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no trigger kind " + key);
        }

        /** The kinds a clause may name, by key. */
        static List<String> keys() {
            return java.util.Arrays.stream(values()).filter(k -> k != EVERY).map(k -> k.key).toList();
        }
    }

    /** The event a robot reports when motion is enabled again by an explicit start command. */
    static final String START = "start";
    /** The event of a motion command the robot accepted. */
    static final String COMMAND = "command";
    static final String PROTECTIVE_STOP = "protective_stop";
    static final String STOP_REQUESTED = "stop_requested";
    static final String PROTECTIVE_RELEASED = "protective_stop_released";
    /** The event a robot logs for a fault. */
    static final String FAULT = "fault";
    static final String POWER_LOST = "power_lost";
    static final String POWER_RESTORED = "power_restored";
    /** The mode the safety state reports while the main drive bus is cut. */
    static final String UNPOWERED = "unpowered";

    /**
     * A trigger: its instant lies in [{@code earliestNs}, {@code latestNs}]; equal for an event.
     *
     * @param description how it was seen, for the report
     */
    record Trigger(long earliestNs, long latestNs, String description) {

        long uncertaintyNs() {
            return latestNs - earliestNs;
        }
    }

    private final Kind kind;
    private boolean estopAsserted;
    private boolean protectiveAsserted;
    private boolean powerLost;
    private @Nullable SafetyStateSample lastSafety;

    Triggers(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The trigger of this kind that asserts at {@code sample}, if any; call for every sample in order. */
    Optional<Trigger> onSample(Sample sample) {
        if (sample instanceof EventSample e) {
            return event(e);
        }
        if (sample instanceof SafetyStateSample s) {
            Optional<Trigger> t = state(s);
            lastSafety = s;
            return t;
        }
        return Optional.empty();
    }

    private Optional<Trigger> event(EventSample e) {
        String k = e.kind();
        if (EventSample.ESTOP_PRESSED.equals(k)) {
            boolean fresh = !estopAsserted;
            estopAsserted = true;
            return fresh && wants(Kind.ESTOP) ? exact(e, "estop_pressed event") : Optional.empty();
        }
        if (PROTECTIVE_STOP.equals(k)) {
            boolean fresh = !protectiveAsserted;
            protectiveAsserted = true;
            return fresh && wants(Kind.PROTECTIVE_STOP) ? exact(e, "protective_stop event") : Optional.empty();
        }
        if (STOP_REQUESTED.equals(k) && (kind == Kind.NORMAL_STOP || kind == Kind.EVERY)) {
            return exact(e, "stop_requested event");
        }
        if (FAULT.equals(k) && kind == Kind.SAFETY_FAULT) {
            return exact(e, "fault event" + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"));
        }
        if (POWER_LOST.equals(k)) {
            boolean fresh = !powerLost;
            powerLost = true;
            return fresh && wants(Kind.POWER_LOSS) ? exact(e, "power_lost event") : Optional.empty();
        }
        if (POWER_RESTORED.equals(k)) {
            powerLost = false;
        }
        if (EventSample.ESTOP_RESET.equals(k)) {
            estopAsserted = false;
        }
        if (PROTECTIVE_RELEASED.equals(k)) {
            protectiveAsserted = false;
        }
        return Optional.empty();
    }

    private Optional<Trigger> state(SafetyStateSample s) {
        SafetyStateSample before = lastSafety;
        Optional<Trigger> out = Optional.empty();
        if (before != null && s.estop() && !before.estop() && !estopAsserted && wants(Kind.ESTOP)) {
            out = Optional.of(new Trigger(before.tNs(), s.tNs(), "safety state e-stop input, sampled"));
        } else if (before != null && s.protectiveStop() && !before.protectiveStop() && !protectiveAsserted
                && wants(Kind.PROTECTIVE_STOP)) {
            out = Optional.of(new Trigger(before.tNs(), s.tNs(), "safety state protective-stop input, sampled"));
        } else if (before != null && unpowered(s) && !unpowered(before) && !powerLost && wants(Kind.POWER_LOSS)) {
            out = Optional.of(new Trigger(before.tNs(), s.tNs(), "safety state mode " + UNPOWERED + ", sampled"));
        }
        if (before == null) {
            // Asserted before the first state seen: no edge, no known instant; it counts as asserted.
            estopAsserted |= s.estop();
            protectiveAsserted |= s.protectiveStop();
            powerLost |= unpowered(s);
        } else {
            estopAsserted = s.estop() || (estopAsserted && before.estop() == s.estop());
            protectiveAsserted = s.protectiveStop()
                    || (protectiveAsserted && before.protectiveStop() == s.protectiveStop());
            powerLost = unpowered(s) || (powerLost && unpowered(before) == unpowered(s));
        }
        return out;
    }

    private boolean wants(Kind k) {
        return kind == k || (kind == Kind.EVERY && k != Kind.SAFETY_FAULT)
                || (kind == Kind.ANY_STOP && (k == Kind.ESTOP || k == Kind.PROTECTIVE_STOP));
    }

    /** Whether {@code s} says the main drive bus is cut. */
    static boolean unpowered(SafetyStateSample s) {
        return UNPOWERED.equals(s.mode());
    }

    private static Optional<Trigger> exact(EventSample e, String description) {
        return Optional.of(new Trigger(e.tNs(), e.tNs(), description));
    }

    /**
     * Find where windows end: a new stop of any kind, an e-stop reset, a protective stop's release,
     * a start, or the safety state's e-stop or protective-stop input falling. The stop that opened
     * a window, seen again through the state after its event, does not end it.
     */
    static final class WindowEnds {

        /** What began at a sample, as far as windows are concerned. */
        enum End {
            NONE, STOP, RESET, START,
            /** A motion command the robot accepted and logged ({@code command} event): it ends the windows after a stop. */
            COMMAND;

            /** A stop, reset or start: it ends every window. */
            boolean any() {
                return this != NONE && this != COMMAND;
            }

            /** Anything that ends the window after a stop: a stop, reset, start or motion command. */
            boolean endsStopWindow() {
                return this != NONE;
            }
        }

        private final Triggers stops = new Triggers(Kind.EVERY);
        private @Nullable SafetyStateSample last;

        /** What begins at {@code sample} that ends windows; call for every sample in order. */
        End onSample(Sample sample) {
            boolean newStop = stops.onSample(sample).isPresent();
            SafetyStateSample before = last;
            if (sample instanceof SafetyStateSample s) {
                last = s;
            }
            if (newStop) {
                return End.STOP;
            }
            if (sample instanceof EventSample e) {
                String k = e.kind().toLowerCase(Locale.ROOT);
                if (k.equals(START)) {
                    return End.START;
                }
                if (k.equals(COMMAND)) {
                    return End.COMMAND;
                }
                return k.equals(EventSample.ESTOP_RESET) || k.equals(PROTECTIVE_RELEASED) ? End.RESET : End.NONE;
            }
            if (sample instanceof SafetyStateSample s) {
                boolean released = before != null && ((before.estop() && !s.estop())
                        || (before.protectiveStop() && !s.protectiveStop()));
                return released ? End.RESET : End.NONE;
            }
            return End.NONE;
        }
    }
}
