package org.hcert.simulator;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Body regions of the ISO/TS 15066:2016 Annex A body model (now ISO 10218-2:2025 Annex A), as the
 * force-measuring test dummy models them: a linear spring per region.
 *
 * <p>Every number is copied from the ISO/TS 15066 tables in {@code docs/catalogue.md}: the effective spring constant k and
 * the effective mass m_H from Table A.3, the quasi-static force limit F_s from Table A.2 (the same
 * for every specific area of a region). Evidence label <b>C</b> for the table values; the transient
 * factor 2 (footnote c) and "no transient contact with skull, forehead or face" (A.3.2) are <b>C2</b>.
 * No value here is a placeholder.
 */
public enum BodyRegion {
    SKULL_FOREHEAD(150, 4.4, 130, false),
    FACE(75, 4.4, 65, false),
    NECK(50, 1.2, 150, true),
    BACK_SHOULDERS(35, 40, 210, true),
    CHEST(25, 40, 140, true),
    ABDOMEN(10, 40, 110, true),
    PELVIS(25, 40, 180, true),
    UPPER_ARMS_ELBOWS(30, 3, 150, true),
    LOWER_ARMS_WRISTS(40, 2, 160, true),
    HANDS_FINGERS(75, 0.6, 140, true),
    THIGHS_KNEES(50, 75, 220, true),
    LOWER_LEGS(60, 75, 130, true);

    /** Evidence label of the numbers, as in docs/catalogue.md. */
    public static final String EVIDENCE = "C: ISO/TS 15066:2016 Tables A.2 and A.3 (docs/catalogue.md)";

    private final double springNPerMm;
    private final double effectiveMassKg;
    private final double quasiStaticForceN;
    private final boolean transientAllowed;

    BodyRegion(double springNPerMm, double effectiveMassKg, double quasiStaticForceN, boolean transientAllowed) {
        this.springNPerMm = springNPerMm;
        this.effectiveMassKg = effectiveMassKg;
        this.quasiStaticForceN = quasiStaticForceN;
        this.transientAllowed = transientAllowed;
    }

    /** Effective spring constant k, N/mm (Table A.3). */
    public double springNPerMm() {
        return springNPerMm;
    }

    /** Effective spring constant k in SI units, N/m. */
    public double springNPerM() {
        return springNPerMm * 1000;
    }

    /** Effective mass m_H, kg (Table A.3). */
    public double effectiveMassKg() {
        return effectiveMassKg;
    }

    /** Maximum quasi-static (clamping) force F_s, N (Table A.2). */
    public double quasiStaticForceN() {
        return quasiStaticForceN;
    }

    /** Maximum transient force, 2·F_s (footnote c), or empty where no transient contact is allowed (A.3.2). */
    public OptionalDouble transientForceN() {
        return transientAllowed ? OptionalDouble.of(2 * quasiStaticForceN) : OptionalDouble.empty();
    }

    /** Force of the dummy's spring for a penetration in m (negative = no contact), N: F = k·max(0, δ). */
    public double forceN(double penetrationM) {
        return springNPerM() * Math.max(0, penetrationM);
    }

    /** The name on the wire, e.g. {@code lower_arms_wrists}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
