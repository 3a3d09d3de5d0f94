package org.hcert.simulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults a fault-injection rig can put into HC-1's safety control system (SE-STOP-07). */
public enum SafetyFaultKind {
    /** One channel of a joint's safety encoder stops reporting. */
    ENCODER_DROPOUT("encoder dropout on left_knee"),
    /** The two channels of the safety inputs disagree. */
    DUAL_CHANNEL_MISMATCH("dual-channel mismatch on the safety inputs");

    private final String description;

    SafetyFaultKind(String description) {
        this.description = description;
    }

    /** The name on the wire: {@code encoder_dropout} or {@code dual_channel_mismatch}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the safety controller reports, e.g. {@code encoder dropout on left_knee}. */
    public String description() {
        return description;
    }

    /**
     * Parse a wire name.
     *
     * @throws IllegalArgumentException naming the valid kinds
     */
    public static SafetyFaultKind parse(String wireName) {
        for (SafetyFaultKind k : values()) {
            if (k.wireName().equals(wireName)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown safety fault \"%s\"; expected one of %s".formatted(wireName,
                Arrays.stream(values()).map(SafetyFaultKind::wireName).collect(Collectors.joining(", "))));
    }
}
