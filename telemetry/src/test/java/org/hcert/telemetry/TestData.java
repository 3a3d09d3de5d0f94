package org.hcert.telemetry;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locate third-party test data copied into this module ({@code src/test/resources/data}: the MCAP
 * conformance suite and the rosbag2 test bags, each with its LICENSE and SOURCE).
 *
 * <p>A missing folder fails the test that asks for it: data is never silently skipped.
 */
public final class TestData {

    private TestData() {}

    /** The MCAP conformance cases: one folder per case, each {@code .mcap} beside its {@code .json}. */
    public static Path mcapConformance() {
        return dir("mcap-conformance/conformance");
    }

    /** The rosbag2 test bags, under their upstream relative paths. */
    public static Path rosbag2() {
        return dir("rosbag2");
    }

    /**
     * The ROS 1 bags written by the reference writer (rosbag 1.15, see {@code make-bags.py}), with
     * {@code expected.json}, what the reference reader reads from them.
     */
    public static Path ros1() {
        return dir("ros1");
    }

    static Path dir(String relative) {
        URL url = TestData.class.getResource("/data/" + relative);
        if (url == null) {
            throw new IllegalStateException(
                    "test data data/%s is missing from telemetry/src/test/resources: the tests need it".formatted(relative));
        }
        try {
            Path dir = Path.of(url.toURI());
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("test data %s is not a directory".formatted(dir));
            }
            return dir;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test data data/%s has no file URI: %s".formatted(relative, url), e);
        }
    }
}
