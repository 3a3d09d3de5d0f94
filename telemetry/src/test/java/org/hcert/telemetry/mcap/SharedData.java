package org.hcert.telemetry.mcap;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locate the project's shared test data ({@code shared/data}) from the module directory upwards. */
final class SharedData {

    private SharedData() {}

    static Path dir(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data").resolve(relative);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/%s not found above %s".formatted(relative, Path.of("").toAbsolutePath()));
    }
}
