package org.hcert.telemetry.mcap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Turn a Chunk record into its uncompressed records, checking sizes and the CRC. Decompression
 * never produces more than the declared {@code uncompressed_size}, and memory grows with the bytes
 * actually produced, so a chunk that lies about its size cannot exhaust the heap.
 */
final class ChunkDecoder implements Closeable {

    /**
     * The largest chunk hcert decompresses, bytes: writers make chunks of a few MiB (the MCAP
     * libraries default to 768 KiB to 4 MiB); a chunk that declares more is refused before its
     * memory is spent, so a hostile or corrupt file cannot exhaust the heap.
     */
    static final long MAX_UNCOMPRESSED = 256L << 20;

    /**
     * The largest chunk decompressed in one call into a buffer of the declared size, when the zstd
     * frame declares that same size: {@value} bytes. Larger chunks are streamed, so that a chunk
     * that lies about its size never costs more memory than it really produces.
     */
    static final int MAX_ONE_SHOT = 64 << 20;

    /** Where one-shot decompression writes: an array of at least {@code size} bytes, new or recycled. */
    @FunctionalInterface
    interface Buffers {
        byte[] take(int size);
    }

    /** A new array for every chunk, for records that must outlive the next chunk. */
    static final Buffers FRESH = byte[]::new;

    /**
     * The size to allocate for a reusable array that must hold {@code size} bytes: an eighth more,
     * so that the next chunk, a little larger, still fits.
     */
    static int reusableCapacity(int size) {
        return (int) Math.min(MAX_UNCOMPRESSED, size + (size >> 3));
    }

    private final CRC32 crc = new CRC32();
    private @Nullable ZstdDecompressCtx zstd;

    /**
     * The uncompressed records of {@code chunk}, little-endian, from position 0: a view of {@code
     * chunk.records()} when it is not compressed, otherwise of an array from {@code buffers} (or,
     * for a chunk streamed because it is large or its frame does not declare its size, a new one).
     *
     * @param offset the chunk record's offset in the file, for error messages
     */
    ByteBuffer records(McapFile file, long offset, McapRecord.Chunk chunk, Buffers buffers) {
        Compression compression = Compression.byId(chunk.compression()).orElseThrow(() -> file.error(offset,
                Opcode.CHUNK, "unsupported compression \"%s\"; hcert reads \"\", \"zstd\" and \"lz4\""
                        .formatted(chunk.compression())));
        long declared = chunk.uncompressedSize();
        ByteBuffer records;
        if (compression == Compression.NONE) {
            if (declared != chunk.records().remaining()) {
                throw file.error(offset, Opcode.CHUNK, "uncompressed_size is %s but the uncompressed records hold %d bytes"
                        .formatted(Long.toUnsignedString(declared), chunk.records().remaining()));
            }
            records = chunk.records().slice();
        } else {
            if (declared < 0 || declared > MAX_UNCOMPRESSED) {
                throw file.error(offset, Opcode.CHUNK, ("uncompressed_size %s is larger than the %d bytes (256 MiB) hcert decompresses "
                        + "in one chunk").formatted(Long.toUnsignedString(declared), MAX_UNCOMPRESSED));
            }
            records = inflate(file, offset, compression, chunk.records(), (int) declared, buffers);
        }
        checkCrc(file, offset, chunk.uncompressedCrc(), records);
        return records.order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer inflate(McapFile file, long offset, Compression compression, ByteBuffer src, int declared,
            Buffers buffers) {
        if (compression == Compression.ZSTD && declared <= MAX_ONE_SHOT) {
            ByteBuffer out = zstdOneShot(src, declared, buffers);
            if (out != null) {
                return out;
            }
        }
        return stream(file, offset, compression, src, declared, buffers);
    }

    /**
     * Decompress one zstd frame that declares {@code size} bytes of content into an array from
     * {@code buffers}, taken only once the frame's header has confirmed the size; or return null
     * (the caller then streams it) when the frame does not declare that size, is followed by more
     * bytes, or fails: the streaming path reports why.
     */
    private @Nullable ByteBuffer zstdOneShot(ByteBuffer compressed, int size, Buffers buffers) {
        byte[] src;
        int from;
        if (compressed.hasArray()) {
            src = compressed.array();
            from = compressed.arrayOffset() + compressed.position();
        } else {
            src = new byte[compressed.remaining()];
            compressed.duplicate().get(src);
            from = 0;
        }
        int length = compressed.remaining();
        try {
            long frame = Zstd.findFrameCompressedSize(src, from, length);
            if (Zstd.isError(frame) || frame != length || Zstd.getFrameContentSize(src, from, length) != size) {
                return null;
            }
            byte[] out = buffers.take(size);
            return zstd().decompressByteArray(out, 0, size, src, from, length) == size ? ByteBuffer.wrap(out, 0, size).slice() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ZstdDecompressCtx zstd() {
        ZstdDecompressCtx ctx = zstd;
        if (ctx == null) {
            ctx = new ZstdDecompressCtx();
            zstd = ctx;
        }
        return ctx;
    }

    /**
     * Decompress by streaming into an array from {@code buffers} of a size guessed from the
     * compressed size, grown by doubling as bytes are produced, never beyond {@code declared}.
     */
    private static ByteBuffer stream(McapFile file, long offset, Compression compression, ByteBuffer src, int declared,
            Buffers buffers) {
        byte[] out = buffers.take((int) Math.min(declared, Math.max(1 << 16, 4L * src.remaining())));
        int capacity = Math.min(out.length, declared);
        int n = 0;
        try (InputStream in = compression.decompressing(src)) {
            while (true) {
                if (n == capacity) {
                    if (n == declared) {
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(declared, 2L * n));
                    capacity = out.length;
                }
                int r = in.read(out, n, capacity - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n == declared && in.read() >= 0) {
                throw file.error(offset, Opcode.CHUNK, "%s records decompress to more than the declared uncompressed_size of %d bytes"
                        .formatted(compression.id(), declared));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TelemetryFormatException tfe) {
                throw tfe;
            }
            throw file.error(offset, Opcode.CHUNK, "%s records are corrupt: %s".formatted(compression.id(), e.getMessage()));
        }
        if (n != declared) {
            throw file.error(offset, Opcode.CHUNK, "%s records decompress to %d bytes, not the declared uncompressed_size of %d bytes"
                    .formatted(compression.id(), n, declared));
        }
        return ByteBuffer.wrap(out, 0, n).slice();
    }

    private void checkCrc(McapFile file, long offset, long expected, ByteBuffer records) {
        if (expected == 0) {
            return;
        }
        crc.reset();
        if (records.hasArray()) {
            crc.update(records.array(), records.arrayOffset() + records.position(), records.remaining());
        } else {
            crc.update(records.duplicate());
        }
        if (crc.getValue() != expected) {
            throw file.error(offset, Opcode.CHUNK, "uncompressed_crc is 0x%08x but the records hash to 0x%08x; the chunk is corrupt"
                    .formatted(expected, crc.getValue()));
        }
    }

    /** Release the native zstd context, if one was made. */
    @Override
    public void close() {
        ZstdDecompressCtx ctx = zstd;
        zstd = null;
        if (ctx != null) {
            ctx.close();
        }
    }
}
