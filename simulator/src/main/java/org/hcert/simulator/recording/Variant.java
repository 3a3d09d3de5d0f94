package org.hcert.simulator.recording;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hcert.simulator.Fault;

/**
 * The bundled recordings: each runs the same {@link Script} with at most one of the simulator's
 * faults active from the start, and may leave a topic out of the written file.
 */
enum Variant {
    CONFORMANT("conformant", List.of(), Set.of()),
    SLOW_ESTOP("slow-estop", List.of(Fault.SLOW_ESTOP), Set.of()),
    JOINT_OVERRUN("joint-overrun", List.of(Fault.JOINT_LIMIT_OVERRUN), Set.of()),
    FALL("fall", List.of(Fault.FALL_ON_STOP), Set.of()),
    /** The conformant run with every {@code /safety/state} message left out of the file. */
    MISSING_SAFETY_TOPIC("missing-safety-topic", List.of(), Set.of(Variant.SAFETY_TOPIC));

    static final String SAFETY_TOPIC = "/safety/state";

    private final String fileName;
    @SuppressWarnings("ImmutableEnumChecker") // List.of: unmodifiable
    private final List<Fault> faults;
    @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
    private final Set<String> omittedTopics;

    Variant(String fileName, List<Fault> faults, Set<String> omittedTopics) {
        this.fileName = fileName;
        this.faults = faults;
        this.omittedTopics = omittedTopics;
    }

    /** Base name of the files, e.g. {@code slow-estop}. */
    String fileName() {
        return fileName;
    }

    /** The faults active from the start of the run. */
    List<Fault> faults() {
        return faults;
    }

    /** Whether messages on {@code topic} are written to the file. */
    boolean writes(String topic) {
        return !omittedTopics.contains(topic);
    }

    /** The topics left out of the file. */
    Set<String> omittedTopics() {
        return omittedTopics;
    }

    static Optional<Variant> byName(String name) {
        for (Variant v : values()) {
            if (v.fileName.equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
