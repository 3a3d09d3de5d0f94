package org.hcert.conformance.family;

import org.hcert.telemetry.MessageHeader;
import org.hcert.telemetry.Sample;

/**
 * One clause's metric over one pass of the telemetry: it is pushed every sample of the roles its
 * family reads, in log-time order, and then asked for its evidence. It keeps bounded state, so a
 * recording of hours is evaluated in constant memory.
 *
 * <p>An abstract class, not an interface: the pass calls every evaluator of a role for every sample
 * (tens of millions of calls over a 1 kHz recording), and a virtual call through the class's table
 * costs less than the interface dispatch the profile showed as a tenth of the pass.
 */
public abstract class Evaluator {

    /** Take the next sample (in log-time order). */
    public abstract void accept(Sample sample);

    /**
     * Take the next sample with the header of the message it came from (its source stamp and
     * frame_id); a family that reads stamps overrides this, the others get {@link #accept(Sample)}.
     */
    public void accept(Sample sample, MessageHeader header) {
        accept(sample);
    }

    /** Whether it reads message headers; the pass reads them only for the roles of evaluators that do. */
    public boolean readsHeaders() {
        return false;
    }

    /**
     * The evidence, once every sample has been pushed.
     *
     * @param endNs log time of the last sample of the pass (of any role), or {@code Long.MIN_VALUE} when there was none
     */
    public abstract ClauseEvidence finish(long endNs);
}
