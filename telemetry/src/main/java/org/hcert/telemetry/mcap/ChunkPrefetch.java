package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Decompress, on one worker thread, the chunk that follows the chunk a {@link RecordStream} is
 * walking, so that decompression overlaps the walk. The worker only guesses: it looks past the
 * records after the current chunk (message indexes, schemas, …) for the next Chunk record and
 * decodes it with its own {@link ChunkDecoder}, giving up quietly at anything it does not expect.
 * The stream still reads and checks every record itself, and uses the worker's result only for a
 * chunk at the same offset and of the same length; a format error the worker met (a bad CRC, a
 * corrupt frame) is thrown when the stream reaches that chunk, so errors, warnings and their order
 * are those of a stream without prefetch.
 *
 * <p>Only compressed chunks are worth it: the stream starts the worker after a compressed chunk,
 * and the worker gives up at an uncompressed one. Two arrays take turns: the worker fills one while the stream reads the other, so a chunk's
 * records stay valid until the stream has moved past the next chunk. The worker thread is a daemon
 * that ends after a second without work; {@link #close()} waits for the decode in flight.
 */
final class ChunkPrefetch implements Closeable {

    private static final int HEADER_BYTES = 9;

    /** How many records between two chunks the worker walks before it gives up looking. */
    private static final int MAX_RECORDS_BETWEEN_CHUNKS = 4096;

    private final McapFile file;
    private final ChunkWorker worker = new ChunkWorker();
    private final byte[][] outputs = {new byte[0], new byte[0]};
    private byte[] read = new byte[0];
    private int turn;
    private @Nullable Future<Decoded> pending;
    private boolean closed;

    /** What the worker made of the chunk it found: its records, or the format error it met. */
    private record Decoded(long offset, long length, @Nullable ByteBuffer records, @Nullable TelemetryFormatException error) {}

    ChunkPrefetch(McapFile file) {
        this.file = file;
    }

    /**
     * The records of the chunk record at {@code offset} of {@code length} bytes (header included)
     * if the worker decoded it, or null when it did not (the caller then decodes it itself).
     *
     * @throws TelemetryFormatException the error the worker met decoding this chunk
     */
    @Nullable ByteBuffer take(long offset, long length) {
        Decoded d = await();
        if (d == null || d.offset() != offset || d.length() != length) {
            return null;
        }
        TelemetryFormatException error = d.error();
        if (error != null) {
            throw error;
        }
        return d.records();
    }

    /** Start looking for the chunk after {@code from} (the end of the current chunk) and decoding it. */
    void startAfter(long from) {
        await();
        if (closed) {
            return;
        }
        turn ^= 1;
        int into = turn;
        pending = worker.submit(decoder -> find(decoder, from, into));
    }

    private @Nullable Decoded await() {
        Future<Decoded> f = pending;
        pending = null;
        if (f == null) {
            return null;
        }
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** On the worker: walk the record headers from {@code from} to the next Chunk record and decode it. */
    private @Nullable Decoded find(ChunkDecoder decoder, long from, int into) {
        try {
            long pos = from;
            for (int n = 0; n < MAX_RECORDS_BETWEEN_CHUNKS && file.size() - pos >= HEADER_BYTES; n++) {
                ByteBuffer header = file.read(pos, header(), HEADER_BYTES);
                int opcode = header.get(0) & 0xFF;
                long length = header.getLong(1);
                if (opcode == 0 || opcode == Opcode.DATA_END || opcode == Opcode.FOOTER || length < 0
                        || length > file.size() - pos - HEADER_BYTES || length > ChunkDecoder.MAX_UNCOMPRESSED) {
                    return null;
                }
                if (opcode == Opcode.CHUNK) {
                    return decode(decoder, pos, (int) length, into);
                }
                pos += HEADER_BYTES + length;
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private byte[] header() {
        if (read.length < HEADER_BYTES) {
            read = new byte[ChunkDecoder.reusableCapacity(1 << 20)];
        }
        return read;
    }

    private @Nullable Decoded decode(ChunkDecoder decoder, long offset, int length, int into) {
        if (read.length < HEADER_BYTES + length) {
            read = new byte[ChunkDecoder.reusableCapacity(HEADER_BYTES + length)];
        }
        ByteBuffer bytes = file.read(offset, read, HEADER_BYTES + length);
        McapRecord.Chunk chunk;
        try {
            chunk = (McapRecord.Chunk) RecordParser.parse(Opcode.CHUNK, bytes.slice(HEADER_BYTES, length)).orElseThrow();
        } catch (RecordException e) {
            return null;
        }
        if (chunk.compression().isEmpty()) {
            // Nothing to gain, and its records would be a view of the read array that the next look reuses.
            return null;
        }
        long total = HEADER_BYTES + (long) length;
        try {
            return new Decoded(offset, total, decoder.records(file, offset, chunk, size -> output(into, size)), null);
        } catch (TelemetryFormatException e) {
            return new Decoded(offset, total, null, e);
        }
    }

    private byte[] output(int into, int size) {
        if (outputs[into].length < size) {
            outputs[into] = new byte[ChunkDecoder.reusableCapacity(size)];
        }
        return outputs[into];
    }

    /** Wait for the decode in flight, release the worker's zstd context on the worker, and let the thread end. */
    @Override
    public void close() {
        await();
        if (!closed) {
            closed = true;
            worker.close();
        }
    }
}
