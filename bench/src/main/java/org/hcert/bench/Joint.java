package org.hcert.bench;

/**
 * One joint of the bench humanoid and its gait term: {@code q(t) = standRad + s(t)·amplitudeRad·
 * sin(2π(φ(t) + phase))}, where s is the walking-speed share in [0, 1] and φ the stride phase.
 *
 * @param lowerRad declared lower soft limit, rad
 * @param upperRad declared upper soft limit, rad
 * @param standRad the standing posture, rad
 * @param amplitudeRad the gait amplitude at full walking speed, rad
 * @param phase the gait phase offset, in strides (0 to 1)
 * @param biasNm the effort while standing, N·m
 */
record Joint(String name, double lowerRad, double upperRad, double standRad, double amplitudeRad, double phase,
        double biasNm) {}
