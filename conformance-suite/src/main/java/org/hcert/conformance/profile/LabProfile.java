package org.hcert.conformance.profile;

import java.util.List;

/**
 * The laboratory that runs a certification.
 *
 * @param file where the profile came from
 * @param name the lab's name
 * @param accreditation its accreditation, possibly empty
 * @param operatorName who operates the test
 * @param operatorId the operator's ID, possibly empty
 * @param instruments instruments used, as {@code id (kind)}
 * @param waivers the waivers and deviations the lab granted, in the profile's order
 */
public record LabProfile(
        ProfileFile file, String name, String accreditation, String operatorName, String operatorId,
        List<String> instruments, List<Waiver> waivers) {

    public LabProfile {
        instruments = List.copyOf(instruments);
        waivers = List.copyOf(waivers);
    }
}
