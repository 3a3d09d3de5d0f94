package org.hcert.telemetry.mcap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** The chunk compressions hcert reads and writes, named as in MCAP's registry. */
public enum Compression {
    /** Records stored as they are: {@code ""}. */
    NONE(""),
    /** Zstandard frames: {@code "zstd"}. */
    ZSTD("zstd"),
    /** LZ4 frames (not raw LZ4 blocks): {@code "lz4"}. */
    LZ4("lz4");

    private static final int ZSTD_LEVEL = 3;

    private final String id;

    Compression(String id) {
        this.id = id;
    }

    /** The name written in Chunk and ChunkIndex records. */
    public String id() {
        return id;
    }

    static Optional<Compression> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** Compress {@code length} bytes of {@code src}. */
    byte[] compress(byte[] src, int length) {
        return switch (this) {
            case NONE -> Arrays.copyOf(src, length);
            case ZSTD -> {
                byte[] dst = new byte[(int) Zstd.compressBound(length)];
                long n = Zstd.compressByteArray(dst, 0, dst.length, src, 0, length, ZSTD_LEVEL);
                yield Arrays.copyOf(dst, (int) n);
            }
            case LZ4 -> lz4(src, length);
        };
    }

    private static byte[] lz4(byte[] src, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length / 2 + 64);
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(out)) {
            lz4.write(src, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("lz4 compression into memory failed", e);
        }
        return out.toByteArray();
    }

    /** A stream that decompresses {@code compressed}; only for ZSTD and LZ4. */
    InputStream decompressing(ByteBuffer compressed) throws IOException {
        InputStream raw = new ByteBufferInputStream(compressed);
        return switch (this) {
            case NONE -> raw;
            case ZSTD -> new ZstdInputStreamNoFinalizer(raw);
            case LZ4 -> new LZ4FrameInputStream(raw);
        };
    }

    /** Read a ByteBuffer as a stream, without copying it first. */
    private static final class ByteBufferInputStream extends InputStream {

        private final ByteBuffer buf;

        ByteBufferInputStream(ByteBuffer buf) {
            this.buf = buf.duplicate();
        }

        @Override
        public int read() {
            return buf.hasRemaining() ? buf.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!buf.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buf.remaining());
            buf.get(b, off, n);
            return n;
        }

        @Override
        public int available() {
            return buf.remaining();
        }
    }
}
