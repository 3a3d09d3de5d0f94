package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.telemetry.OdometrySample;
import org.hcert.telemetry.Quaternion;
import org.hcert.telemetry.SafetyStateSample;
import org.hcert.telemetry.Vector3;
import org.junit.jupiter.api.Test;

/** Two interleaved publishers on the base's and the safety state's topics are found by what they disagree on. */
class PublisherCheckTest {

    private static final Path ROBOT = Path.of("../profiles/robots/hc1-demo.yaml");

    private static OdometrySample odometry(long tNs, String topic, double xM, double yM) {
        return new OdometrySample(tNs, topic, new Vector3(xM, yM, 0), Quaternion.IDENTITY, Vector3.ZERO, Vector3.ZERO);
    }

    @Test
    void aSecondOdometryPublisherWhosePositionDisagreesIsFoundOnItsTopicOnly() {
        PublisherCheck check = new PublisherCheck(ProfileLoader.loadRobot(ROBOT));
        // /odom: two streams 1 m apart in y, interleaved at 500 Hz; /odom_ok: one stream walking at 0.5 m/s
        for (int i = 0; i < 100; i++) {
            long t = i * 2_000_000L;
            check.accept(odometry(t, "/odom", 0.001 * i, i % 2 == 0 ? 0 : 1));
            check.accept(odometry(t, "/odom_ok", 0.001 * i, 0));
        }
        assertThat(check.topicProblems()).containsOnlyKeys("/odom");
        assertThat(check.topicProblems().get("/odom")).isEqualTo("base y jumps away and back faster than the robot can move, 3 times");
    }

    @Test
    void safetyStatesFlippingBackAndForthMarkTheirTopic() {
        PublisherCheck check = new PublisherCheck(ProfileLoader.loadRobot(ROBOT));
        for (int i = 0; i < 20; i++) {
            long t = i * 10_000_000L;
            // one publisher says the e-stop is pressed and the drive off, the other the contrary, every 10 ms
            check.accept(new SafetyStateSample(t, "/safety/state", "auto", i % 2 == 0, false, i % 2 != 0));
            // a real e-stop: pressed once, drive off once, for good
            check.accept(new SafetyStateSample(t, "/safety/other", "auto", i >= 5, false, i < 6));
        }
        assertThat(check.topicProblems()).containsOnlyKeys("/safety/state");
        assertThat(check.topicProblems().get("/safety/state")).isEqualTo("its safety states flip back and forth within 100 ms, 3 times");
    }
}
