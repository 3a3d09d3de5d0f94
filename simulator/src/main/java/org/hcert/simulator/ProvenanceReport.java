package org.hcert.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What HC-1 reports about where its runs come from, on {@code /events}: at start-up, and again when
 * asked ({@link VirtualHumanoid#reportProvenance()}, which the server does when a harness opens a
 * session), first a {@code model_loaded} event for the model it runs, then a {@code provenance}
 * record. Details are {@code key=value} pairs separated by {@code ;}.
 *
 * <p>HC-1 runs no learned model: its "model" is the simulator's gait policy, named
 * {@value #MODEL_ID} {@value #MODEL_VERSION}, whose hash is the SHA-256 of the text
 * {@code "hcert HC-1 gait policy 1.0.0"}; its dataset is {@code none}, its calibration a fixed ID.
 * The faults {@code unsigned-model}, {@code no-provenance} and {@code wrong-robot-id} change what it
 * reports.
 */
final class ProvenanceReport {

    static final String MODEL_ID = "hc1-gait-policy";
    static final String MODEL_VERSION = "1.0.0";
    /** The hash of the approved gait policy (the robot profile's declaration.models). */
    static final String MODEL_SHA256 = sha256("hcert HC-1 gait policy 1.0.0");
    /** The hash of a modified gait policy, which {@code unsigned-model} loads. */
    static final String MODIFIED_SHA256 = sha256("hcert HC-1 gait policy 1.0.0, modified");
    static final String FIRMWARE = "1.0.0";
    static final String CALIBRATION = "hc1-sim-calibration-2026-03-01";

    private final String serial;
    private final FaultInjector faults;
    /** When the next report is due, simulator ns; 0 at start-up, negative when none is. */
    private long dueAtNs;

    ProvenanceReport(String serial, FaultInjector faults) {
        this.serial = serial;
        this.faults = faults;
    }

    /** Report again at {@code simNs} (published with the next step's events). */
    void request(long simNs) {
        dueAtNs = simNs;
    }

    /** {@code events} of a step, after the report when one is due. */
    List<RobotEvent> with(List<RobotEvent> events) {
        if (dueAtNs < 0) {
            return events;
        }
        List<RobotEvent> out = new ArrayList<>(report(dueAtNs));
        out.addAll(events);
        dueAtNs = -1;
        return out;
    }

    private List<RobotEvent> report(long simNs) {
        boolean unsigned = faults.isActive(Fault.UNSIGNED_MODEL);
        boolean sparse = faults.isActive(Fault.NO_PROVENANCE);
        String hash = unsigned ? MODIFIED_SHA256 : MODEL_SHA256;
        String loaded = "model_id=%s; model_version=%s; sha256=%s".formatted(MODEL_ID, MODEL_VERSION, hash)
                + (sparse ? "" : "; signature=" + (unsigned ? "unverified" : "verified"));
        String robot = faults.isActive(Fault.WRONG_ROBOT_ID) ? serial + "-B" : serial;
        String record = "robot_id=%s; model_id=%s; model_version=%s; software_versions=hc1-firmware %s, %s %s".formatted(robot, MODEL_ID,
                MODEL_VERSION, FIRMWARE, MODEL_ID, MODEL_VERSION)
                + (sparse ? "" : "; model_sha256=%s; dataset_id=none; calibration_ids=%s".formatted(hash, CALIBRATION));
        return List.of(new RobotEvent(simNs, "model_loaded", loaded), new RobotEvent(simNs, "provenance", record));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
