package org.hcert.runner.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.runner.UsageException;

/** History is carried only between reports of one robot: same manufacturer, model and serial. */
final class SameRobot {

    private SameRobot() {}

    static void check(Path previous, RobotProfile robot) {
        JsonNode r = CertificateDiff.read(previous).path("robot");
        String then = "%s %s serial %s".formatted(r.path("manufacturer").asText(), r.path("model").asText(), r.path("serial").asText());
        String now = "%s %s serial %s".formatted(robot.identity().manufacturer(), robot.identity().model(), robot.identity().serial());
        if (!then.equals(now)) {
            throw new UsageException(("--history %s is the report of %s; this run certifies %s: history is carried only between runs "
                    + "of one robot").formatted(previous, then, now));
        }
    }
}
