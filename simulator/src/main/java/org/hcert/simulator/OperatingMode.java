package org.hcert.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Operating mode: automatic, or manual with the reduced-speed caps of ISO 10218-1:2025 5.5.3. */
public enum OperatingMode {
    AUTO,
    MANUAL_REDUCED;

    /** The name on the wire and in {@code /safety/state}: {@code auto} or {@code manual_reduced}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parse a wire name.
     *
     * @throws IllegalArgumentException naming the valid modes
     */
    public static OperatingMode parse(String wireName) {
        for (OperatingMode m : values()) {
            if (m.wireName().equals(wireName)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown operating mode \"%s\"; valid modes: %s".formatted(wireName,
                Arrays.stream(values()).map(OperatingMode::wireName).collect(Collectors.joining(", "))));
    }
}
