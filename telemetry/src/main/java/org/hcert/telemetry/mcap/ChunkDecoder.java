package org.hcert.telemetry.mcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * Turn a Chunk record into its uncompressed records, checking sizes and the CRC. Decompression
 * never produces more than the declared {@code uncompressed_size}, and memory grows with the bytes
 * actually produced, so a chunk that lies about its size cannot exhaust the heap.
 */
final class ChunkDecoder {

    /** The largest chunk a Java array can hold. */
    static final long MAX_UNCOMPRESSED = Integer.MAX_VALUE - 8;

    /**
     * The largest chunk decompressed in one call into a buffer of the declared size, when the zstd
     * frame declares that same size: {@value} bytes. Larger chunks are streamed, so that a chunk
     * that lies about its size never costs more memory than it really produces.
     */
    static final int MAX_ONE_SHOT = 64 << 20;

    private ChunkDecoder() {}

    /**
     * The uncompressed records of {@code chunk}, little-endian.
     *
     * @param offset the chunk record's offset in the file, for error messages
     */
    static ByteBuffer records(McapFile file, long offset, McapRecord.Chunk chunk) {
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
            records = chunk.records();
        } else {
            if (declared < 0 || declared > MAX_UNCOMPRESSED) {
                throw file.error(offset, Opcode.CHUNK, "uncompressed_size %s is larger than the %d bytes a chunk may have"
                        .formatted(Long.toUnsignedString(declared), MAX_UNCOMPRESSED));
            }
            records = inflate(file, offset, compression, chunk.records(), (int) declared);
        }
        checkCrc(file, offset, chunk.uncompressedCrc(), records);
        return records.order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer inflate(McapFile file, long offset, Compression compression, ByteBuffer src, int declared) {
        if (compression == Compression.ZSTD && declared <= MAX_ONE_SHOT) {
            byte[] out = Compression.zstdOneShot(src, declared);
            if (out != null) {
                return ByteBuffer.wrap(out);
            }
        }
        byte[] out = new byte[(int) Math.min(declared, Math.max(1 << 16, 4L * src.remaining()))];
        int n = 0;
        try (InputStream in = compression.decompressing(src)) {
            while (true) {
                if (n == out.length) {
                    if (n == declared) {
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(declared, 2L * n));
                }
                int r = in.read(out, n, out.length - n);
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
        return ByteBuffer.wrap(out);
    }

    private static void checkCrc(McapFile file, long offset, long expected, ByteBuffer records) {
        if (expected == 0) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(records.duplicate());
        if (crc.getValue() != expected) {
            throw file.error(offset, Opcode.CHUNK, "uncompressed_crc is 0x%08x but the records hash to 0x%08x; the chunk is corrupt"
                    .formatted(expected, crc.getValue()));
        }
    }
}
