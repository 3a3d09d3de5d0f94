package org.hcert.conformance.profile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzz test of the profile loader: the input, less its first byte, is written as a
 * profile file and loaded as a robot, a standard or a lab profile (the first byte says which). The
 * loader may refuse any input, with a {@link ProfileException} naming the file and what is wrong;
 * anything else it throws is a defect, kept in {@code ProfileFuzzTestInputs/load/} and replayed by
 * every later run.
 */
class ProfileFuzzTest {

    /** Where each input is written as a file; one for the class, emptied at its end. */
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "15s")
    void load(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path file = dir.resolve("profile.yaml");
        Files.write(file, Arrays.copyOfRange(input, 1, input.length));
        try {
            switch ((input[0] & 0xFF) % 3) {
                case 0 -> ProfileLoader.loadRobot(file);
                case 1 -> ProfileLoader.loadStandard(file);
                default -> ProfileLoader.loadLab(file);
            }
        } catch (ProfileException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a refusal without a reason", e);
            }
        }
    }
}
