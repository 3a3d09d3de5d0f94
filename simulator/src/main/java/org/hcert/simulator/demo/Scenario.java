package org.hcert.simulator.demo;

import java.util.Optional;

/** The bundled demo recordings: what goes wrong (if anything) after the e-stop at 5.000 s. */
enum Scenario {
    CONFORMANT("conformant", Stop.CONTROLLED, 0.350, false, true),
    SLOW_ESTOP("slow-estop", Stop.CONTROLLED, 1.130, false, true),
    JOINT_OVERRUN("joint-overrun", Stop.CONTROLLED, 0.350, true, true),
    FALL("fall", Stop.DRIVES_CUT, 0.350, false, true),
    MISSING_SAFETY_TOPIC("missing-safety-topic", Stop.CONTROLLED, 0.350, false, false);

    /** How the robot reacts to the e-stop. */
    enum Stop {
        /** Category 1: decelerate to standstill, then remove drive power. */
        CONTROLLED,
        /** Category 0: remove drive power at once. */
        DRIVES_CUT
    }

    /** Drive power is removed this long after standstill in a category 1 stop, s. */
    static final double DRIVE_OFF_DELAY_S = 0.020;

    /** The injected left-knee fault: peaks near 2.32 rad, above the 2.2 rad limit for about 150 ms. */
    static final KneeOverrun KNEE_FAULT = new KneeOverrun("left_knee", 3.2, 0.58, 1.252);

    private final String fileName;
    private final Stop stop;
    private final double decelerationS;
    private final boolean overrun;
    private final boolean safetyTopic;

    Scenario(String fileName, Stop stop, double decelerationS, boolean overrun, boolean safetyTopic) {
        this.fileName = fileName;
        this.stop = stop;
        this.decelerationS = decelerationS;
        this.overrun = overrun;
        this.safetyTopic = safetyTopic;
    }

    /** Base name of the files, e.g. {@code slow-estop}. */
    String fileName() {
        return fileName;
    }

    Stop stop() {
        return stop;
    }

    boolean hasSafetyTopic() {
        return safetyTopic;
    }

    /** Build the noise-free motion of this scenario. */
    Motion motion() {
        Optional<KneeOverrun> fault = overrun ? Optional.of(KNEE_FAULT) : Optional.empty();
        Motion walking = new WalkingMotion(new SpeedProfile(decelerationS), fault);
        return stop == Stop.DRIVES_CUT ? new FallMotion(walking) : walking;
    }

    /** Find a scenario by its file name. */
    static Optional<Scenario> byName(String name) {
        for (Scenario s : values()) {
            if (s.fileName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
