package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * One MCAP record, with the fields of the specification (https://mcap.dev/spec). Times are
 * nanoseconds; uint64 fields are held in a {@code long} and are unsigned. Byte fields are
 * read-only buffers; a {@link Message}'s data is a view into the reader's buffer and stays valid
 * until the reader moves on, the other byte fields are copies.
 */
public sealed interface McapRecord {

    /** Name the record type as the specification does: {@code Chunk}, {@code DataEnd}, … */
    default String typeName() {
        return getClass().getSimpleName();
    }

    record Header(String profile, String library) implements McapRecord {}

    record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) implements McapRecord {}

    record Schema(int id, String name, String encoding, ByteBuffer data) implements McapRecord {

        /** The schema for hcert's body decoders, its data copied. */
        public org.hcert.telemetry.SchemaInfo info() {
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            return new org.hcert.telemetry.SchemaInfo(name, encoding, bytes);
        }
    }

    record Channel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
            implements McapRecord {}

    record Message(int channelId, long sequence, long logTime, long publishTime, ByteBuffer data)
            implements McapRecord {}

    /**
     * A chunk's header fields and its (possibly compressed) records. Readers never return Chunk
     * records: they expand them, and their {@code records} is a view of the reader's own buffer.
     */
    record Chunk(
            long messageStartTime,
            long messageEndTime,
            long uncompressedSize,
            long uncompressedCrc,
            String compression,
            ByteBuffer records)
            implements McapRecord {}

    record MessageIndex(int channelId, List<MessageIndexEntry> records) implements McapRecord {}

    /** One entry of a {@link MessageIndex}: a log time and the offset of its message in the uncompressed chunk. */
    record MessageIndexEntry(long logTime, long offset) {}

    record ChunkIndex(
            long messageStartTime,
            long messageEndTime,
            long chunkStartOffset,
            long chunkLength,
            Map<Integer, Long> messageIndexOffsets,
            long messageIndexLength,
            String compression,
            long compressedSize,
            long uncompressedSize)
            implements McapRecord {}

    record Attachment(long logTime, long createTime, String name, String mediaType, ByteBuffer data, long crc)
            implements McapRecord {}

    record AttachmentIndex(
            long offset, long length, long logTime, long createTime, long dataSize, String name, String mediaType)
            implements McapRecord {}

    record Statistics(
            long messageCount,
            int schemaCount,
            long channelCount,
            long attachmentCount,
            long metadataCount,
            long chunkCount,
            long messageStartTime,
            long messageEndTime,
            Map<Integer, Long> channelMessageCounts)
            implements McapRecord {}

    record Metadata(String name, Map<String, String> metadata) implements McapRecord {}

    record MetadataIndex(long offset, long length, String name) implements McapRecord {}

    record SummaryOffset(int groupOpcode, long groupStart, long groupLength) implements McapRecord {}

    record DataEnd(long dataSectionCrc) implements McapRecord {}
}
