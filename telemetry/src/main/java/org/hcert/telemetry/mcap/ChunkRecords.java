package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;

/** Walk the records of an uncompressed chunk, checking each length against what is left. */
final class ChunkRecords {

    /** Opcode (1 byte) and content length (8 bytes). */
    static final int HEADER_BYTES = 9;

    /**
     * Receives each record: its opcode, its offset in the uncompressed records, and the length of
     * its content, which starts 9 bytes after that offset ({@link #content} slices it).
     */
    @FunctionalInterface
    interface Visitor {
        void record(int opcode, int at, int length);
    }

    private ChunkRecords() {}

    /**
     * Visit every record of {@code records} (little-endian, from its position).
     *
     * @param chunkOffset the Chunk record's offset in the file, for error messages
     */
    static void forEach(McapFile file, long chunkOffset, ByteBuffer records, Visitor visitor) {
        int limit = records.limit();
        for (int at = records.position(); at < limit; ) {
            int length = contentLength(file, chunkOffset, records, at, limit);
            visitor.record(records.get(at) & 0xFF, at, length);
            at += HEADER_BYTES + length;
        }
    }

    /**
     * Check the header of the record at {@code at} of {@code records}, which end at {@code limit}:
     * a whole header, a valid opcode, a length within what is left.
     *
     * @param chunkOffset the Chunk record's offset in the file, for error messages
     * @return the length of the record's content
     */
    static int contentLength(McapFile file, long chunkOffset, ByteBuffer records, int at, int limit) {
        int remaining = limit - at;
        if (remaining < HEADER_BYTES) {
            throw file.error(chunkOffset, Opcode.CHUNK, "the uncompressed records end inside a record header at +%d".formatted(at));
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
        return (int) length;
    }

    /** The content of the record at {@code at} of {@code records}, {@code length} bytes, in the same byte order. */
    static ByteBuffer content(ByteBuffer records, int at, int length) {
        return records.slice(at + HEADER_BYTES, length).order(records.order());
    }
}
