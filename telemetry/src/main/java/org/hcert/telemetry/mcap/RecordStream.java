package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Read a file's records front to back, expanding chunks into the records they hold (the Chunk
 * record itself is not returned), skipping unknown opcodes and checking every CRC that is not zero.
 *
 * <p>Strict streams throw at the first problem. Recovering streams stop there instead, add a
 * warning that names the file and offset, and end as if the file ended after the last valid
 * record; a file that is not MCAP at all (wrong magic) still throws.
 */
final class RecordStream implements Iterator<McapRecord> {

    private static final int HEADER_BYTES = 9;

    private final McapFile file;
    private final boolean recover;
    private final List<String> warnings;
    private final CRC32 dataCrc = new CRC32();
    private long pos;
    private boolean inDataSection = true;
    private boolean done;
    private @Nullable ByteBuffer chunkRecords;
    private long chunkOffset;
    private @Nullable McapRecord next;

    RecordStream(McapFile file, boolean recover, List<String> warnings) {
        this.file = file;
        this.recover = recover;
        this.warnings = warnings;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
            done = next == null;
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

    private @Nullable McapRecord advance() {
        if (pos == 0) {
            checkMagic(file);
            dataCrc.update(McapFile.MAGIC);
            pos = McapFile.MAGIC.length;
        }
        try {
            while (true) {
                ByteBuffer inner = chunkRecords;
                if (inner != null && inner.hasRemaining()) {
                    Optional<McapRecord> r = innerRecord(inner);
                    if (r.isPresent()) {
                        return r.get();
                    }
                    continue;
                }
                chunkRecords = null;
                if (pos < 0) {
                    return null;
                }
                Optional<McapRecord> r = topLevelRecord();
                if (r.isPresent()) {
                    return r.get();
                }
            }
        } catch (TelemetryFormatException e) {
            if (!recover) {
                throw e;
            }
            warnings.add(e.getMessage() + "; read up to the last valid record");
            return null;
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

    private Optional<McapRecord> topLevelRecord() {
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
        ByteBuffer record = file.view(start, HEADER_BYTES + (int) length);
        ByteBuffer content = record.slice(HEADER_BYTES, (int) length);
        if (inDataSection && opcode != Opcode.DATA_END) {
            dataCrc.update(record.duplicate());
        }
        Optional<McapRecord> parsed = parse(start, opcode, content);
        pos = start + HEADER_BYTES + length;
        if (parsed.isEmpty()) {
            return parsed;
        }
        McapRecord r = parsed.get();
        if (r instanceof McapRecord.Chunk chunk) {
            chunkRecords = ChunkDecoder.records(file, start, chunk);
            chunkOffset = start;
            return Optional.empty();
        }
        if (r instanceof McapRecord.DataEnd end) {
            checkDataCrc(start, end);
        }
        if (r instanceof McapRecord.Footer footer) {
            checkTail(start, footer);
            pos = -1;
        }
        return parsed;
    }

    private Optional<McapRecord> parse(long offset, int opcode, ByteBuffer content) {
        try {
            return RecordParser.parse(opcode, content);
        } catch (RecordException e) {
            throw file.error(offset, opcode, e.getMessage());
        }
    }

    private Optional<McapRecord> innerRecord(ByteBuffer records) {
        int at = records.position();
        int remaining = records.remaining();
        if (remaining < HEADER_BYTES) {
            throw file.error(chunkOffset, Opcode.CHUNK, "the uncompressed records end inside a record header at +%d"
                    .formatted(at));
        }
        int opcode = records.get(at) & 0xFF;
        long length = records.getLong(at + 1);
        if (opcode == 0) {
            throw file.error(chunkOffset, Opcode.CHUNK, "invalid opcode 0x00 at +%d of the uncompressed records".formatted(at));
        }
        if (length < 0 || length > remaining - HEADER_BYTES) {
            throw file.error(chunkOffset, Opcode.CHUNK, "the %s record at +%d of the uncompressed records has length %s, beyond the %d bytes left in the chunk"
                    .formatted(Opcode.name(opcode), at, Long.toUnsignedString(length), remaining - HEADER_BYTES));
        }
        ByteBuffer content = records.slice(at + HEADER_BYTES, (int) length);
        records.position(at + HEADER_BYTES + (int) length);
        try {
            return RecordParser.parse(opcode, content);
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
}
