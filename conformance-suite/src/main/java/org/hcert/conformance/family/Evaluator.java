package org.hcert.conformance.family;

import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;

/**
 * One clause's metric over one pass of the telemetry: it is pushed every sample of the roles its
 * family reads, in log-time order, and then asked for its evidence. It keeps bounded state, so a
 * recording of hours is evaluated in constant memory.
 */
public interface Evaluator {

    /** Take the next sample (in log-time order). */
    void accept(Sample sample);

    /**
     * Take the next sample with the header of the message it came from (its source stamp and
     * frame_id); a family that reads stamps overrides this, the others get {@link #accept(Sample)}.
     */
    default void accept(Sample sample, MessageHeader header) {
        accept(sample);
    }

    /** Whether it reads message headers; the pass reads them only for the roles of evaluators that do. */
    default boolean readsHeaders() {
        return false;
    }

    /**
     * The evidence, once every sample has been pushed.
     *
     * @param endNs log time of the last sample of the pass (of any role), or {@code Long.MIN_VALUE} when there was none
     */
    ClauseEvidence finish(long endNs);
}
