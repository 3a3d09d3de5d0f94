package org.hcert.adapters.safety;

import java.time.Duration;
import java.util.Optional;
import org.hcert.adapters.Capabilities;
import org.hcert.adapters.ClockOffset;
import org.hcert.adapters.Command;
import org.hcert.adapters.CommandReply;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.telemetry.MessageCursor;

/** A link whose commands pass a {@link MotionInterlock} first. */
final class InterlockedLink implements RobotLink {

    private final RobotLink link;
    private final MotionInterlock interlock;

    InterlockedLink(RobotLink link, MotionInterlock interlock) {
        this.link = link;
        this.interlock = interlock;
    }

    @Override
    public CommandReply send(Command command, Duration timeout) {
        return link.send(interlock.vet(command), timeout);
    }

    @Override
    public String describe() {
        return link.describe();
    }

    @Override
    public Capabilities connect() {
        return link.connect();
    }

    @Override
    public boolean stopNow(String reason) {
        return link.stopNow(reason);
    }

    @Override
    public MessageCursor telemetry() {
        return link.telemetry();
    }

    @Override
    public ClockOffset syncClock() {
        return link.syncClock();
    }

    @Override
    public Optional<ClockOffset> clockOffset() {
        return link.clockOffset();
    }

    @Override
    public LinkOptions options() {
        return link.options();
    }

    @Override
    public void addListener(LinkListener listener) {
        link.addListener(listener);
    }

    @Override
    public void removeListener(LinkListener listener) {
        link.removeListener(listener);
    }

    @Override
    public Optional<LinkException> failure() {
        return link.failure();
    }

    @Override
    public void close() {
        link.close();
    }
}
