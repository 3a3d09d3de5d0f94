package org.hcert.conformance.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hcert.conformance.profile.ProfileLoader;
import org.hcert.conformance.profile.RobotProfile;
import org.hcert.conformance.profile.StandardProfile;
import org.hcert.conformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Two certifications in one JVM at once, each on its own thread with its own context: neither sees
 * the other's measurements, and each gets the verdicts it gets alone. Their passes over the
 * recordings run side by side; their scenarios take turns (Cucumber's reading of the features from a
 * jar failed when two runs did it at once in a fresh JVM, which this test found in CI).
 */
class ConcurrentRunsIT {

    private static final Path RECORDINGS = Path.of("../samples/recordings");
    private static final RobotProfile ROBOT = ProfileLoader.loadRobot(Path.of("../profiles/robots/hc1-demo.yaml"));
    private static final StandardProfile STANDARD = RecordedCertification.TEN_SECOND_CLAUSES;

    private static Map<String, Verdict> certify(String name, CountDownLatch start) {
        try {
            start.countDown();
            start.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RecordedCertification.of(ROBOT, STANDARD, RECORDINGS.resolve(name + ".ndjson"), FeatureRun.BUNDLED_FEATURES).verdicts();
    }

    @Test
    void twoCertificationsRunAtOnceWithoutSeeingEachOther() throws Exception {
        Map<String, Verdict> conformantAlone = certify("conformant", new CountDownLatch(0));
        Map<String, Verdict> slowAlone = certify("slow-estop", new CountDownLatch(0));
        CountDownLatch start = new CountDownLatch(2);
        CompletableFuture<Map<String, Verdict>> conformant = CompletableFuture.supplyAsync(() -> certify("conformant", start));
        CompletableFuture<Map<String, Verdict>> slow = CompletableFuture.supplyAsync(() -> certify("slow-estop", start));
        assertThat(conformant.get(120, TimeUnit.SECONDS)).isEqualTo(conformantAlone).containsEntry("SE-ESTOP-01", Verdict.PASS);
        assertThat(slow.get(120, TimeUnit.SECONDS)).isEqualTo(slowAlone).containsEntry("SE-ESTOP-01", Verdict.FAIL);
    }
}
