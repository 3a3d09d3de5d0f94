package org.hcert.telemetry;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A source that can hand out its messages as it stores them: the serialized body with its schema
 * and message encoding, undecoded. A converter that can carry them (MCAP carries ros1msg, ros2msg
 * and JSON schemas alike) copies them as they are instead of re-encoding decoded values, so
 * nothing is lost or invented on the way.
 */
public interface RawMessageSource extends TelemetrySource {

    /**
     * One stored message.
     *
     * @param logTimeNs the time it was logged, ns since the epoch
     * @param topic its topic
     * @param schema the schema its body was written with, or null for a schemaless message
     * @param messageEncoding the body's encoding ({@code ros1}, {@code cdr}, {@code json}, …)
     * @param data the body, from its position to its limit
     * @param origin where it is in the source, for messages
     */
    record RawMessage(long logTimeNs, String topic, @Nullable SchemaInfo schema, String messageEncoding, ByteBuffer data,
            String origin) {

        public RawMessage {
            Objects.requireNonNull(topic, "topic must not be null");
            Objects.requireNonNull(messageEncoding, "messageEncoding must not be null");
            data = data.asReadOnlyBuffer();
            Objects.requireNonNull(origin, "origin must not be null");
        }
    }

    /** A forward-only pass over the stored messages in log-time order. */
    interface RawCursor extends Iterator<RawMessage>, Closeable {
        @Override
        void close();

        /**
         * A cursor over what {@code next} hands out until it gives null; closing it runs {@code close}.
         *
         * @param source what the messages come from, for the error at the end
         */
        static RawCursor of(java.util.function.Supplier<@Nullable RawMessage> next, Runnable close, String source) {
            return new RawCursor() {
                private @Nullable RawMessage ahead;

                @Override
                public boolean hasNext() {
                    if (ahead == null) {
                        ahead = next.get();
                    }
                    return ahead != null;
                }

                @Override
                public RawMessage next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException("no more messages in " + source);
                    }
                    RawMessage m = Objects.requireNonNull(ahead);
                    ahead = null;
                    return m;
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    /**
     * Start a pass over every message, undecoded; {@link #warnings()} then tells what the pass
     * could not read.
     *
     * @throws TelemetryException if the source cannot be opened
     */
    RawCursor openRaw();

    /** The decoder the source's decoded passes use. */
    BodyDecoder decoder();

    /** Why the message {@code m} of this source cannot be decoded, or empty when it can. */
    default java.util.Optional<String> undecodable(RawMessage m) {
        try {
            decoder().decode(m.schema(), m.messageEncoding(), m.data());
            return java.util.Optional.empty();
        } catch (TelemetryException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The MCAP profile of its messages ({@code ros1}, {@code ros2}), or empty when they have none in common. */
    default String profile() {
        return "";
    }
}
