package org.hcert.runner.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.adapters.recording.SessionRecorder;
import org.hcert.runner.UsageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code certify --link URI --observe SECONDS}: watch a robot over its link without commanding
 * anything, record every message to {@code session.mcap} for the given time or until the link
 * ends (a replaying server that reaches the end of its file), then judge that recording as a
 * recorded run. Clauses whose evidence needs a commanded action find it only if the robot did it
 * by itself in that time.
 */
final class ObservedRun {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedRun.class);

    private ObservedRun() {}

    static RunEvidence run(String uri, Duration observe, LinkOptions options, Path out, RecordingOptions definitions,
            Certification certification) {
        RobotLink link;
        try {
            link = RobotLinks.of(uri, options);
        } catch (IllegalArgumentException e) {
            throw UsageException.of(e);
        }
        Path session = out.resolve("session.mcap");
        SessionRecorder recorder = SessionRecorder.start(session, link, Duration.ofSeconds(1));
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
        } finally {
            link.close();
            recorder.close();
        }
        RunEvidence recorded = RecordedRun.run(List.of(session), definitions, certification);
        return new RunEvidence(recorded.context(), recorded.outcomes(), "observed", List.of(), recorded.recordings());
    }
}
