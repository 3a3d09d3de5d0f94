package org.hcert.telemetry.mcap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file window: a preloaded region is served as read, and what lies outside it is read when asked for. */
class McapFileTest {

    @TempDir
    Path tmp;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    private static byte[] read(ByteBuffer view) {
        byte[] out = new byte[view.remaining()];
        view.duplicate().get(out);
        return out;
    }

    private static byte[] range(byte[] all, int from, int length) {
        return java.util.Arrays.copyOfRange(all, from, from + length);
    }

    @Test
    void viewsInsideAndOutsideAPreloadedRegionHoldTheFilesBytes() throws IOException {
        byte[] all = bytes(3 << 20);
        Path file = Files.write(tmp.resolve("f.bin"), all);
        try (McapFile f = McapFile.open(file)) {
            f.preload(1000, 5000);
            assertThat(read(f.view(1000, 9))).isEqualTo(range(all, 1000, 9));
            assertThat(read(f.view(5990, 10))).isEqualTo(range(all, 5990, 10));
            // past the region's end, before its start, far away, then wider than the window
            assertThat(read(f.view(5995, 100))).isEqualTo(range(all, 5995, 100));
            assertThat(read(f.view(10, 20))).isEqualTo(range(all, 10, 20));
            assertThat(read(f.view(2 << 20, 64))).isEqualTo(range(all, 2 << 20, 64));
            assertThat(read(f.view(100, 1_500_000))).isEqualTo(range(all, 100, 1_500_000));
            // a region that is not in the file is not preloaded: views still read the file
            f.preload(all.length - 5, 10);
            f.preload(-1, 10);
            f.preload(7, -3);
            assertThat(read(f.view(all.length - 5, 5))).isEqualTo(range(all, all.length - 5, 5));
            f.preload(200, 16);
            assertThat(read(f.view(300, 4))).isEqualTo(range(all, 300, 4));
        }
    }
}
