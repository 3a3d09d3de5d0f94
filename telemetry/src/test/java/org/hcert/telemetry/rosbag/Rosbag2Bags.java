package org.hcert.telemetry.rosbag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hcert.telemetry.TestData;
import org.hcert.telemetry.ros.RosDefinitions;

/**
 * The real rosbag2 test bags copied into the test resources (see {@code data/rosbag2/SOURCE}), and
 * the .msg files in the test resources for the bags that lack definitions.
 */
final class Rosbag2Bags {

    private Rosbag2Bags() {}

    static Path root() {
        return TestData.rosbag2();
    }

    static Path cdrTest() {
        return root().resolve("rosbag2_tests/resources/sqlite3/cdr_test/cdr_test_0.db3");
    }

    static Path talker() {
        return root().resolve("rosbag2_py/test/resources/sqlite3/talker/talker.db3");
    }

    static Path convertB() {
        return root().resolve("rosbag2_py/test/resources/sqlite3/convert_b/rewriter_b_0.db3");
    }

    static Path seek() {
        return root().resolve("rosbag2_transport/test/resources/sqlite3/test_bag_for_seek/test_bag_for_seek_0.db3");
    }

    static Path serviceEvents() {
        return root().resolve(
                "rosbag2_tests/resources/sqlite3/bag_with_topics_and_service_events/bag_with_topics_and_service_events.db3");
    }

    static RosDefinitions definitions() {
        try {
            return RosDefinitions.fromDirectory(Path.of(Rosbag2Bags.class.getResource("/ros-definitions").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under the data folder, to check that reading created none. */
    static List<Path> files() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
