package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Parse a record's content by opcode. Fields added after the ones the specification lists are
 * ignored, as the specification requires; malformed content throws {@link RecordException}.
 */
final class RecordParser {

    private RecordParser() {}

    /** Parse a record with a known opcode; empty for unknown opcodes, which readers skip. */
    static Optional<McapRecord> parse(int opcode, ByteBuffer content) {
        FieldReader r = new FieldReader(content);
        McapRecord record = switch (opcode) {
            case Opcode.HEADER -> new McapRecord.Header(r.string("profile"), r.string("library"));
            case Opcode.FOOTER -> new McapRecord.Footer(
                    r.u64("summary_start"), r.u64("summary_offset_start"), r.u32("summary_crc"));
            case Opcode.SCHEMA -> schema(r);
            case Opcode.CHANNEL -> new McapRecord.Channel(r.u16("id"), r.u16("schema_id"), r.string("topic"),
                    r.string("message_encoding"), r.stringMap("metadata"));
            case Opcode.MESSAGE -> message(content);
            case Opcode.CHUNK -> new McapRecord.Chunk(r.u64("message_start_time"), r.u64("message_end_time"),
                    r.u64("uncompressed_size"), r.u32("uncompressed_crc"), r.string("compression"),
                    r.shared64("records"));
            case Opcode.MESSAGE_INDEX -> messageIndex(r);
            case Opcode.CHUNK_INDEX -> new McapRecord.ChunkIndex(r.u64("message_start_time"),
                    r.u64("message_end_time"), r.u64("chunk_start_offset"), r.u64("chunk_length"),
                    r.u16u64Map("message_index_offsets"), r.u64("message_index_length"), r.string("compression"),
                    r.u64("compressed_size"), r.u64("uncompressed_size"));
            case Opcode.ATTACHMENT -> attachment(r, content);
            case Opcode.ATTACHMENT_INDEX -> new McapRecord.AttachmentIndex(r.u64("offset"), r.u64("length"),
                    r.u64("log_time"), r.u64("create_time"), r.u64("data_size"), r.string("name"),
                    r.string("media_type"));
            case Opcode.STATISTICS -> new McapRecord.Statistics(r.u64("message_count"), r.u16("schema_count"),
                    r.u32("channel_count"), r.u32("attachment_count"), r.u32("metadata_count"),
                    r.u32("chunk_count"), r.u64("message_start_time"), r.u64("message_end_time"),
                    r.u16u64Map("channel_message_counts"));
            case Opcode.METADATA -> new McapRecord.Metadata(r.string("name"), r.stringMap("metadata"));
            case Opcode.METADATA_INDEX -> new McapRecord.MetadataIndex(r.u64("offset"), r.u64("length"),
                    r.string("name"));
            case Opcode.SUMMARY_OFFSET -> new McapRecord.SummaryOffset(r.u8("group_opcode"), r.u64("group_start"),
                    r.u64("group_length"));
            case Opcode.DATA_END -> new McapRecord.DataEnd(r.u32("data_section_crc"));
            default -> null;
        };
        return Optional.ofNullable(record);
    }

    /** Parse a Message record through {@link MessageView}, the one path for messages; its data is a view into {@code content}. */
    private static McapRecord.Message message(ByteBuffer content) {
        ByteBuffer le = content.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        MessageView view = new MessageView();
        view.set(le, le.position(), le.remaining());
        return view.toRecord();
    }

    private static McapRecord.Schema schema(FieldReader r) {
        return new McapRecord.Schema(r.u16("id"), r.string("name"), r.string("encoding"), copy(r.bytes32("data")));
    }

    /** Parse an Attachment and check its CRC, which covers every field before it. */
    private static McapRecord.Attachment attachment(FieldReader r, ByteBuffer content) {
        McapRecord.Attachment a = new McapRecord.Attachment(r.u64("log_time"), r.u64("create_time"), r.string("name"),
                r.string("media_type"), copy(r.bytes64("data")), 0);
        int crcAt = r.position();
        long crc = r.u32("crc");
        if (crc != 0) {
            CRC32 computed = new CRC32();
            computed.update(content.duplicate().limit(content.position() + crcAt));
            if (computed.getValue() != crc) {
                throw new RecordException("crc is 0x%08x but the fields before it hash to 0x%08x"
                        .formatted(crc, computed.getValue()));
            }
        }
        return new McapRecord.Attachment(a.logTime(), a.createTime(), a.name(), a.mediaType(), a.data(), crc);
    }

    private static McapRecord.MessageIndex messageIndex(FieldReader r) {
        int channelId = r.u16("channel_id");
        return new McapRecord.MessageIndex(channelId, MessageIndexEntries.copyOf(MessageIndexEntries.checked(r.bytes32("records"))));
    }

    /**
     * The entries of a MessageIndex record's content, checked as {@link #parse} checks them, as a
     * little-endian buffer of (log_time, offset) pairs to read in place.
     */
    static ByteBuffer messageIndexEntries(ByteBuffer content) {
        FieldReader r = new FieldReader(content);
        r.u16("channel_id");
        return MessageIndexEntries.checked(r.bytes32("records"));
    }

    private static ByteBuffer copy(ByteBuffer view) {
        ByteBuffer copy = ByteBuffer.allocate(view.remaining());
        copy.put(view.duplicate()).flip();
        return copy.asReadOnlyBuffer();
    }
}
