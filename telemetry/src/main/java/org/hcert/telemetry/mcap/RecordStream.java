package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Read a file's records front to back, expanding chunks into the records they hold (the Chunk
 * record itself is not returned), skipping unknown opcodes and checking every CRC that is not zero.
 * Messages are parsed into one reused {@link MessageView}; {@link #records()} and {@link
 * #messages()} are two ways of walking the same pass.
 *
 * <p>Strict streams throw at the first problem. Recovering streams stop there instead, add a
 * warning that names the file and offset, and end as if the file ended after the last valid
 * record; a file that is not MCAP at all (wrong magic) still throws.
 *
 * <p>After a compressed chunk, a {@link ChunkPrefetch} decompresses the next one on a worker thread
 * while the stream walks this one. The arrays that hold a chunk's uncompressed records are reused,
 * so a message's bytes stay valid only until the stream moves past the next chunk.
 */
final class RecordStream {

    /** What {@link #advance()} returns at the end of the stream. */
    static final int END = -1;

    private static final int SKIPPED = 0;
    private static final int HEADER_BYTES = 9;

    private final McapFile file;
    private final ChunkDecoder decoder;
    private final Supplier<ChunkPrefetch> prefetches;
    private @Nullable ChunkPrefetch prefetch;
    private final boolean recover;
    private final List<String> warnings;
    private final CRC32 dataCrc = new CRC32();
    private final MessageView view = new MessageView();
    private long pos;
    private boolean inDataSection = true;
    private boolean done;
    private boolean messagesOnly;
    private ByteBuffer chunkRecords = ByteBuffer.allocate(0);
    private int chunkAt;
    private int chunkEnd;
    private long chunkOffset;
    private byte[] scratch = new byte[0];
    private @Nullable McapRecord record;

    RecordStream(McapFile file, ChunkDecoder decoder, Supplier<ChunkPrefetch> prefetches, boolean recover,
            List<String> warnings) {
        this.file = file;
        this.decoder = decoder;
        this.prefetches = prefetches;
        this.recover = recover;
        this.warnings = warnings;
    }

    /** Every record, with each Message as a record whose data is a view of the current chunk. */
    Iterator<McapRecord> records() {
        return new Records();
    }

    /**
     * The Message records alone, through the reused view. MessageIndex records, which only the
     * record iterator returns, are checked in place instead of being copied.
     */
    MessageViews messages() {
        messagesOnly = true;
        return new MessageViews() {
            @Override
            public boolean advance() {
                int opcode;
                do {
                    opcode = RecordStream.this.advance();
                } while (opcode != Opcode.MESSAGE && opcode != END);
                return opcode == Opcode.MESSAGE;
            }

            @Override
            public MessageView view() {
                return view;
            }
        };
    }

    /**
     * Move to the next record and return its opcode, or {@link #END}. A Message is then in {@link
     * #view}, any other record in {@link #record}.
     */
    private int advance() {
        if (done) {
            return END;
        }
        if (pos == 0) {
            checkMagic(file);
            dataCrc.update(McapFile.MAGIC);
            pos = McapFile.MAGIC.length;
        }
        try {
            while (true) {
                int opcode;
                if (chunkAt < chunkEnd) {
                    opcode = innerRecord();
                } else if (pos < 0) {
                    finish();
                    return END;
                } else {
                    opcode = topLevelRecord();
                }
                if (opcode != SKIPPED) {
                    return opcode;
                }
            }
        } catch (TelemetryFormatException e) {
            if (!recover) {
                throw e;
            }
            warnings.add(e.getMessage() + "; read up to the last valid record");
            finish();
            return END;
        }
    }

    private void finish() {
        done = true;
        ChunkPrefetch p = prefetch;
        if (p != null) {
            p.close();
        }
    }

    /** Check the leading magic; a file without it is not MCAP, recovering or not. */
    static void checkMagic(McapFile file) {
        int n = (int) Math.min(McapFile.MAGIC.length, file.size());
        byte[] found = new byte[n];
        file.view(0, n).get(found);
        if (!Arrays.equals(found, McapFile.MAGIC)) {
            if (n < McapFile.MAGIC.length && Arrays.equals(found, Arrays.copyOf(McapFile.MAGIC, n))) {
                throw file.error(0, "the file is %d bytes long, too short for the 8-byte MCAP magic".formatted(n));
            }
            throw file.error(0, "not an MCAP file: expected the magic %s, found %s".formatted(hex(McapFile.MAGIC), hex(found)));
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.isEmpty() ? "" : " ").append("%02X".formatted(b & 0xFF));
        }
        return sb.toString();
    }

    private int topLevelRecord() {
        long start = pos;
        long remaining = file.size() - start;
        if (remaining == 0) {
            throw file.error(start, "the file ends without a Footer record; it is truncated");
        }
        if (remaining < HEADER_BYTES) {
            throw file.error(start, "the file ends inside a record header (%d of 9 bytes); it is truncated"
                    .formatted(remaining));
        }
        ByteBuffer header = file.view(start, HEADER_BYTES);
        int opcode = header.get(0) & 0xFF;
        long length = header.getLong(1);
        if (opcode == 0) {
            throw file.error(start, "invalid opcode 0x00 where a record should start");
        }
        if (length < 0 || length > remaining - HEADER_BYTES) {
            throw file.error(start, opcode, "length %s goes beyond the end of the file (%d bytes remain after the record header); the file is truncated"
                    .formatted(Long.toUnsignedString(length), remaining - HEADER_BYTES));
        }
        if (length > ChunkDecoder.MAX_UNCOMPRESSED) {
            throw file.error(start, opcode, "length %d is larger than the %d bytes hcert reads in one record"
                    .formatted(length, ChunkDecoder.MAX_UNCOMPRESSED));
        }
        if (start == McapFile.MAGIC.length && opcode != Opcode.HEADER) {
            throw file.error(start, "expected a Header record after the magic, found a %s record".formatted(Opcode.name(opcode)));
        }
        ByteBuffer bytes = file.view(start, HEADER_BYTES + (int) length);
        if (inDataSection && opcode != Opcode.DATA_END) {
            dataCrc.update(bytes.array(), bytes.arrayOffset(), bytes.remaining());
        }
        ByteBuffer content = bytes.slice(HEADER_BYTES, (int) length).order(ByteOrder.LITTLE_ENDIAN);
        if (opcode == Opcode.MESSAGE) {
            try {
                view.set(content.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN), 0, (int) length);
            } catch (RecordException e) {
                throw file.error(start, opcode, e.getMessage());
            }
            pos = start + HEADER_BYTES + length;
            return opcode;
        }
        if (opcode == Opcode.MESSAGE_INDEX && messagesOnly) {
            try {
                RecordParser.messageIndexEntries(content);
            } catch (RecordException e) {
                throw file.error(start, opcode, e.getMessage());
            }
            pos = start + HEADER_BYTES + length;
            return SKIPPED;
        }
        McapRecord r = parse(start, opcode, content);
        pos = start + HEADER_BYTES + length;
        if (r == null) {
            return SKIPPED;
        }
        if (r instanceof McapRecord.Chunk chunk) {
            chunkRecords = decode(start, HEADER_BYTES + length, chunk).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            chunkAt = 0;
            chunkEnd = chunkRecords.limit();
            chunkOffset = start;
            return SKIPPED;
        }
        if (r instanceof McapRecord.DataEnd end) {
            checkDataCrc(start, end);
        }
        if (r instanceof McapRecord.Footer footer) {
            checkTail(start, footer);
            pos = -1;
        }
        record = r;
        return opcode;
    }

    /**
     * The records of the chunk at {@code start}: from the prefetch worker if it decoded this chunk,
     * otherwise decoded here. After a compressed chunk the worker starts on the next one.
     */
    private ByteBuffer decode(long start, long total, McapRecord.Chunk chunk) {
        ChunkPrefetch p = prefetch;
        ByteBuffer records = p == null ? null : p.take(start, total);
        if (records == null) {
            records = decoder.records(file, start, chunk, this::scratch);
        }
        if (!chunk.compression().isEmpty()) {
            if (p == null) {
                p = prefetches.get();
                prefetch = p;
            }
            p.startAfter(start + total);
        }
        return records;
    }

    /** One array for the records of every chunk: a chunk's records are dropped when the stream moves past it. */
    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[ChunkDecoder.reusableCapacity(size)];
        }
        return scratch;
    }

    private @Nullable McapRecord parse(long offset, int opcode, ByteBuffer content) {
        try {
            return RecordParser.parse(opcode, content).orElse(null);
        } catch (RecordException e) {
            throw file.error(offset, opcode, e.getMessage());
        }
    }

    private int innerRecord() {
        ByteBuffer records = chunkRecords;
        int at = chunkAt;
        int length = ChunkRecords.contentLength(file, chunkOffset, records, at, chunkEnd);
        int opcode = records.get(at) & 0xFF;
        chunkAt = at + HEADER_BYTES + length;
        try {
            if (opcode == Opcode.MESSAGE) {
                view.set(records, at + HEADER_BYTES, length);
                return opcode;
            }
            McapRecord r = RecordParser.parse(opcode, records.slice(at + HEADER_BYTES, length)).orElse(null);
            if (r == null) {
                return SKIPPED;
            }
            record = r;
            return opcode;
        } catch (RecordException e) {
            throw file.error(chunkOffset, Opcode.CHUNK, "%s record at +%d of the uncompressed records: %s"
                    .formatted(Opcode.name(opcode), at, e.getMessage()));
        }
    }

    private void checkDataCrc(long offset, McapRecord.DataEnd end) {
        inDataSection = false;
        if (end.dataSectionCrc() != 0 && end.dataSectionCrc() != dataCrc.getValue()) {
            throw file.error(offset, Opcode.DATA_END, "data_section_crc is 0x%08x but bytes 0 to %d hash to 0x%08x"
                    .formatted(end.dataSectionCrc(), offset, dataCrc.getValue()));
        }
    }

    private void checkTail(long footerAt, McapRecord.Footer footer) {
        long magicAt = pos;
        long left = file.size() - magicAt;
        if (left < McapFile.MAGIC.length) {
            throw file.error(magicAt, "the file ends inside the trailing magic; it is truncated");
        }
        byte[] found = new byte[McapFile.MAGIC.length];
        file.view(magicAt, found.length).get(found);
        if (!Arrays.equals(found, McapFile.MAGIC)) {
            throw file.error(magicAt, "expected the trailing magic %s after the Footer, found %s"
                    .formatted(hex(McapFile.MAGIC), hex(found)));
        }
        if (left > McapFile.MAGIC.length) {
            throw file.error(magicAt + McapFile.MAGIC.length, "%d bytes follow the trailing magic"
                    .formatted(left - McapFile.MAGIC.length));
        }
        SummaryCrc.check(file, footerAt, footer);
    }

    /** The records of the pass, each Message made from the view. */
    private final class Records implements Iterator<McapRecord> {

        private @Nullable McapRecord next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                int opcode = advance();
                if (opcode != END) {
                    next = opcode == Opcode.MESSAGE ? view.toRecord() : Objects.requireNonNull(record);
                }
            }
            return next != null;
        }

        @Override
        public McapRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no more records in " + file.path());
            }
            McapRecord r = Objects.requireNonNull(next);
            next = null;
            return r;
        }
    }
}
