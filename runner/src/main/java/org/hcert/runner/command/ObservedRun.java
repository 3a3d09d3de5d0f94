package org.hcert.runner.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.tcp.TlsSettings;

/**
 * {@code certify --link URI --observe SECONDS}: watch a robot over its link without commanding
 * anything, record every message to {@code session.mcap} for the given time or until the link
 * ends (a replaying server that reaches the end of its file), then judge that recording as a
 * recorded run. Clauses whose evidence needs a commanded action find it only if the robot did it
 * by itself in that time.
 */
final class ObservedRun {

    private ObservedRun() {}

    static RunEvidence run(String uri, Duration observe, LinkOptions options, TlsSettings tls, Path out, RecordingOptions definitions,
            Certification certification) {
        Path session = out.resolve("session.mcap");
        LinkCapture.record(uri, observe, options, tls, session);
        RunEvidence recorded = RecordedRun.run(List.of(session), definitions, certification);
        return new RunEvidence(recorded.context(), recorded.outcomes(), "observed", List.of(), recorded.recordings());
    }
}
