package org.hcert.adapters.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hcert.adapters.Command;

/**
 * The robot side of a link as a link's contract test drives it, whatever the protocol: hcert's
 * wire protocol ({@link EchoRobot}) or a Foxglove WebSocket server. It records the commands it
 * receives and does what the test tells it.
 */
public interface RobotPeer extends AutoCloseable {

    /** Publish one telemetry message with the given robot-clock stamp, nanoseconds. */
    void publishStamped(long robotTimeNs, String topic, String type, JsonNode msg);

    /** Publish one telemetry message stamped now. */
    void publish(String topic, String type, JsonNode msg);

    /** Stop sending anything, not even the answers to pings (a stalled or frozen robot). */
    void goSilent();

    /** Refuse the commands named {@code name} with {@code reason}. */
    void refuse(String name, String reason);

    /** Receive commands but never answer them. */
    void ignoreCommands();

    /** Close the connection abruptly. */
    void hangUp();

    /** The commands received so far, in order. */
    List<Command> commands();

    /** Wait until a command matching {@code wanted} has been received. */
    Optional<Command> awaitCommand(Predicate<Command> wanted, Duration timeout) throws InterruptedException;

    /** How many times the harness said goodbye (closed the session in order). */
    int byes();

    /** Whether the harness has opened a session. */
    boolean inSession();

    @Override
    void close();
}
