package org.hcert.adapters;

/**
 * The offset of the robot's clock from the harness's clock, estimated by NTP-style exchanges.
 *
 * @param offsetNs robot clock minus harness clock, nanoseconds
 * @param uncertaintyNs half the round trip of the chosen exchange: the true offset lies within
 *     {@code offsetNs ± uncertaintyNs}, nanoseconds
 * @param roundTripNs the round trip of the chosen exchange, without the robot's processing time,
 *     nanoseconds
 * @param exchanges how many exchanges the estimate was chosen from, in total since the link opened
 * @param measuredAtNs when the chosen exchange ended, harness clock, nanoseconds since the Unix epoch
 */
public record ClockOffset(long offsetNs, long uncertaintyNs, long roundTripNs, long exchanges, long measuredAtNs) {

    /** Map a time on the robot's clock to the harness's clock, nanoseconds. */
    public long toHarnessNs(long robotNs) {
        return robotNs - offsetNs;
    }

    /** Map a time on the harness's clock to the robot's clock, nanoseconds. */
    public long toRobotNs(long harnessNs) {
        return harnessNs + offsetNs;
    }

    @Override
    public String toString() {
        return "offset %d ns ± %d ns (round trip %d ns, %d exchanges)".formatted(offsetNs, uncertaintyNs, roundTripNs,
                exchanges);
    }
}
