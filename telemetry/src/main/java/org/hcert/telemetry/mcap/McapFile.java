package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;

/**
 * An open MCAP file: positional reads through a reusable window, and the {@code file@offset}
 * locations of error messages. Not thread-safe.
 */
final class McapFile implements Closeable {

    static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};

    private static final int WINDOW_BYTES = 1 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private ByteBuffer window = ByteBuffer.allocate(0);
    private long windowStart;

    private McapFile(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static McapFile open(Path path) {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            return new McapFile(path, channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new TelemetryException("%s: recording not found".formatted(path));
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot open recording: %s".formatted(path, e.getMessage()), e);
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /**
     * View {@code length} bytes at {@code offset}, little-endian; valid until the next call to
     * this method. The caller has checked that the range lies inside the file. Reading front to
     * back reads each byte of the file once: what the window already holds of a new range is kept.
     */
    ByteBuffer view(long offset, int length) {
        long windowEnd = windowStart + window.limit();
        if (offset < windowStart || offset + length > windowEnd) {
            fill(offset, (int) Math.max(length, Math.min(WINDOW_BYTES, size - offset)));
        }
        int from = (int) (offset - windowStart);
        return window.slice(from, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Make the window start at {@code offset} and hold {@code reach} bytes (fewer at the end of the
     * file), keeping what it already holds of them; the caller has checked that they are not all
     * in it.
     */
    private void fill(long offset, int reach) {
        long windowEnd = windowStart + window.limit();
        int keep = offset >= windowStart && offset < windowEnd ? (int) (windowEnd - offset) : 0;
        int from = (int) (offset - windowStart);
        if (window.capacity() < reach) {
            ByteBuffer bigger = ByteBuffer.allocate(reach);
            if (keep > 0) {
                bigger.put(0, window, from, keep);
            }
            window = bigger;
        } else if (keep > 0) {
            System.arraycopy(window.array(), from, window.array(), 0, keep);
        }
        window.clear().position(keep).limit((int) Math.min(reach, size - offset));
        readFully(window, offset + keep);
        window.flip();
        windowStart = offset;
    }

    /**
     * Hold exactly the {@code length} bytes at {@code offset} in the window, for a region that is
     * read next piece by piece through {@link #view} (a chunk's message indexes): the window is
     * otherwise filled a megabyte at a time, most of it the next chunk, read again when that chunk
     * is decoded. A region outside the file is left to {@link #view}, which says what is wrong.
     */
    void preload(long offset, int length) {
        if (offset >= 0 && length > 0 && offset <= size - length
                && !(offset >= windowStart && offset + length <= windowStart + window.limit())) {
            fill(offset, length);
        }
    }

    /** Read {@code length} bytes at {@code offset} into a new buffer that the caller owns. */
    ByteBuffer copy(long offset, int length) {
        return read(offset, new byte[length], length);
    }

    /** Read {@code length} bytes at {@code offset} into the start of {@code into}, and view them little-endian. */
    ByteBuffer read(long offset, byte[] into, int length) {
        ByteBuffer b = ByteBuffer.wrap(into, 0, length);
        readFully(b, offset);
        return b.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void readFully(ByteBuffer into, long offset) {
        try {
            long at = offset;
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    throw new EOFException("file shrank to %d bytes while reading at %d".formatted(channel.size(), at));
                }
                at += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("%s: read failed at byte %d".formatted(where(offset), offset), e);
        }
    }

    /** The location of byte {@code offset}: {@code file@offset}. */
    String where(long offset) {
        return path + "@" + offset;
    }

    /** A format error at {@code offset} in the record with {@code opcode}. */
    TelemetryFormatException error(long offset, int opcode, String problem) {
        return new TelemetryFormatException(where(offset), Opcode.name(opcode) + " record: " + problem);
    }

    TelemetryFormatException error(long offset, String problem) {
        return new TelemetryFormatException(where(offset), problem);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing useful to do: reading is over.
        }
    }
}
