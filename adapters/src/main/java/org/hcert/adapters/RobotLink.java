package org.hcert.adapters;

import java.time.Duration;
import java.util.Optional;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.TelemetrySource;

/**
 * A live link to one robot: hello, commands with acknowledgements, telemetry, clock exchanges.
 *
 * <p>Loss is never silent: a stalled link, a burst of corrupt frames, a sequence gap or a dropped
 * connection fails the link with a {@link LinkException}, which every later call throws; the link
 * never reconnects by itself. Thread-safe.
 */
public interface RobotLink extends AutoCloseable {

    /** The link URI with any token redacted, for reports and error messages. */
    String describe();

    /**
     * Open the transport, exchange hello and capabilities, and estimate the clock offset.
     *
     * @throws LinkRefusedException when the transport cannot be opened or the robot refuses
     * @throws LinkException when the robot does not answer in time or the link fails meanwhile
     */
    Capabilities connect();

    /** Send a command and wait for its answer within the link's answer timeout. */
    default CommandReply send(Command command) {
        return send(command, options().answerTimeout());
    }

    /**
     * Send a command and wait for its ACK or NACK.
     *
     * @throws LinkTimeoutException when no answer came within {@code timeout}; the link then fails,
     *     since the robot's state is unknown
     */
    CommandReply send(Command command, Duration timeout);

    /**
     * Send a software stop without waiting for its answer, even after the link failed; never throws.
     *
     * @return whether the frame was written to the transport (not whether the robot got it)
     */
    boolean stopNow(String reason);

    /**
     * Telemetry from now on, in arrival order. {@code hasNext()} blocks until a message arrives,
     * returns false once the link is closed, and throws the {@link LinkException} once it failed.
     */
    MessageCursor telemetry();

    /** The link as a telemetry source: each {@code open()} starts a cursor at the present. */
    default TelemetrySource asTelemetrySource() {
        RobotLink link = this;
        return new TelemetrySource() {
            @Override
            public String describe() {
                return link.describe();
            }

            @Override
            public MessageCursor open() {
                return link.telemetry();
            }
        };
    }

    /** Run {@link LinkOptions#syncExchanges()} clock exchanges now and return the estimate. */
    ClockOffset syncClock();

    /** The current clock offset estimate; empty before the first exchange. */
    Optional<ClockOffset> clockOffset();

    /** The options the link runs with. */
    LinkOptions options();

    void addListener(LinkListener listener);

    void removeListener(LinkListener listener);

    /** The failure, once the link failed. */
    Optional<LinkException> failure();

    /** Say goodbye to the robot and close the transport; never throws. */
    @Override
    void close();
}
