package org.hcert.conformance.family;

import java.util.Objects;
import java.util.Optional;
import org.hcert.conformance.quantity.Quantity;

/**
 * A surface people can touch, as the robot profile declares it ({@code surfaces:}): the frame_id of
 * its temperature sensor, whether people hold it or touch it briefly, what it is made of, and how
 * long a contact lasts at most, when the robot declares that.
 *
 * @param frame the {@code frame_id} of its messages on a temperatures topic
 * @param kind {@link #HELD} (people may hold it, e.g. a palm in a handover) or {@link #BRIEF} (touched briefly, e.g. a cover)
 * @param material {@code metal} or {@code plastic}
 * @param maxContact the longest a contact lasts, when declared
 */
public record DeclaredSurface(String frame, String kind, String material, Optional<Quantity> maxContact) {

    /** Kind of a surface people may hold continuously: {@value}. */
    public static final String HELD = "held";
    /** Kind of a surface people touch briefly: {@value}. */
    public static final String BRIEF = "brief";

    public DeclaredSurface {
        Objects.requireNonNull(frame, "frame must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(material, "material must not be null");
        Objects.requireNonNull(maxContact, "maxContact must not be null");
    }
}
