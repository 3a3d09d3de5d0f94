package org.hcert.runner.command;

import java.nio.file.Path;
import java.time.Duration;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.adapters.recording.SessionRecorder;
import org.hcert.runner.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Record a robot's telemetry over its link into an MCAP file, commanding nothing, for a given
 * time or until the link ends (a replaying server at the end of its file): what
 * {@code certify --observe} judges and {@code profile init --from-link} drafts from.
 */
final class LinkCapture {

    private static final Logger LOG = LoggerFactory.getLogger(LinkCapture.class);

    private LinkCapture() {}

    /**
     * @return the link, described, for messages
     * @throws UsageException when the URI is invalid or the robot cannot be reached
     */
    static String record(String uri, Duration observe, LinkOptions options, TlsSettings tls, Path file) {
        RobotLink link;
        try {
            link = RobotLinks.of(uri, options, tls);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        SessionRecorder recorder = SessionRecorder.start(file, link, Duration.ofSeconds(1));
        try {
            try {
                link.connect();
            } catch (LinkException e) {
                throw new UsageException("cannot connect to the robot: " + e.getMessage());
            }
            long deadline = System.nanoTime() + observe.toNanos();
            while (System.nanoTime() < deadline && link.failure().isEmpty()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            link.failure().ifPresentOrElse(e -> LOG.info("observation of {} ended with the link: {}", link.describe(), e.getMessage()),
                    () -> LOG.info("observed {} for {}", link.describe(), observe));
            return link.describe();
        } finally {
            link.close();
            recorder.close();
        }
    }
}
