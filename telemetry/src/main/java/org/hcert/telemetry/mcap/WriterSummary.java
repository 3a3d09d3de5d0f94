package org.hcert.telemetry.mcap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What a writer keeps for the end of the file, and how it writes it: the summary groups in the
 * order schemas, channels, statistics, metadata indexes, attachment indexes, chunk indexes; a
 * summary offset per non-empty group; the footer and trailing magic.
 */
final class WriterSummary {

    final List<McapRecord.Schema> schemas = new ArrayList<>();
    final List<McapRecord.Channel> channels = new ArrayList<>();
    private final List<McapRecord.ChunkIndex> chunkIndexes = new ArrayList<>();
    private final List<McapRecord.AttachmentIndex> attachmentIndexes = new ArrayList<>();
    private final List<McapRecord.MetadataIndex> metadataIndexes = new ArrayList<>();
    private final Map<Integer, Long> channelMessageCounts = new LinkedHashMap<>();
    private final boolean statistics;
    private final boolean repeatSchemas;
    private final boolean repeatChannels;
    private final boolean chunkIndex;
    private final boolean attachmentIndex;
    private final boolean metadataIndex;
    private final boolean summaryOffsets;
    private long messageCount;
    private long messageStartTime;
    private long messageEndTime;
    private long chunkCount;
    private long attachmentCount;
    private long metadataCount;

    WriterSummary(boolean statistics, boolean repeatSchemas, boolean repeatChannels, boolean chunkIndex,
            boolean attachmentIndex, boolean metadataIndex, boolean summaryOffsets) {
        this.statistics = statistics;
        this.repeatSchemas = repeatSchemas;
        this.repeatChannels = repeatChannels;
        this.chunkIndex = chunkIndex;
        this.attachmentIndex = attachmentIndex;
        this.metadataIndex = metadataIndex;
        this.summaryOffsets = summaryOffsets;
    }

    void countMessage(int channelId, long logTime) {
        messageStartTime = messageCount == 0 ? logTime : Math.min(messageStartTime, logTime);
        messageEndTime = messageCount == 0 ? logTime : Math.max(messageEndTime, logTime);
        messageCount++;
        channelMessageCounts.merge(channelId, 1L, Long::sum);
    }

    void chunk(McapRecord.ChunkIndex index) {
        chunkCount++;
        if (chunkIndex) {
            chunkIndexes.add(index);
        }
    }

    void attachment(McapRecord.AttachmentIndex index) {
        attachmentCount++;
        if (attachmentIndex) {
            attachmentIndexes.add(index);
        }
    }

    void metadata(McapRecord.MetadataIndex index) {
        metadataCount++;
        if (metadataIndex) {
            metadataIndexes.add(index);
        }
    }

    /**
     * Write summary, summary offsets, footer and magic into the empty buffer {@code out}, whose
     * first byte will land at file offset {@code summaryStart}.
     */
    void write(RecordBuffer out, long summaryStart) {
        List<long[]> groups = new ArrayList<>();
        group(out, summaryStart, groups, Opcode.SCHEMA, repeatSchemas ? schemas : List.of());
        group(out, summaryStart, groups, Opcode.CHANNEL, repeatChannels ? channels : List.of());
        group(out, summaryStart, groups, Opcode.STATISTICS, statistics ? List.of(statisticsRecord()) : List.of());
        group(out, summaryStart, groups, Opcode.METADATA_INDEX, metadataIndexes);
        group(out, summaryStart, groups, Opcode.ATTACHMENT_INDEX, attachmentIndexes);
        group(out, summaryStart, groups, Opcode.CHUNK_INDEX, chunkIndexes);
        boolean hasSummary = out.size() > 0;
        long summaryOffsetStart = 0;
        if (summaryOffsets && !groups.isEmpty()) {
            summaryOffsetStart = summaryStart + out.size();
            for (long[] g : groups) {
                out.begin(Opcode.SUMMARY_OFFSET).u8((int) g[0]).u64(g[1]).u64(g[2]).end();
            }
        }
        out.u8(Opcode.FOOTER).u64(20).u64(hasSummary ? summaryStart : 0).u64(summaryOffsetStart);
        CRC32 crc = new CRC32();
        crc.update(out.written());
        out.u32(crc.getValue()).raw(McapFile.MAGIC);
    }

    private static void group(RecordBuffer out, long base, List<long[]> groups, int opcode, List<? extends McapRecord> records) {
        long start = base + out.size();
        for (McapRecord r : records) {
            serialize(out.begin(opcode), r).end();
        }
        long length = base + out.size() - start;
        if (length > 0) {
            groups.add(new long[] {opcode, start, length});
        }
    }

    private McapRecord.Statistics statisticsRecord() {
        return new McapRecord.Statistics(messageCount, schemas.size(), channels.size(), attachmentCount,
                metadataCount, chunkCount, messageStartTime, messageEndTime,
                Collections.unmodifiableMap(channelMessageCounts));
    }

    private static RecordBuffer serialize(RecordBuffer b, McapRecord r) {
        if (r instanceof McapRecord.Schema s) {
            return schema(b, s);
        } else if (r instanceof McapRecord.Channel c) {
            return channel(b, c);
        } else if (r instanceof McapRecord.Statistics s) {
            return b.u64(s.messageCount()).u16(s.schemaCount()).u32(s.channelCount()).u32(s.attachmentCount())
                    .u32(s.metadataCount()).u32(s.chunkCount()).u64(s.messageStartTime()).u64(s.messageEndTime())
                    .u16u64Map(s.channelMessageCounts());
        } else if (r instanceof McapRecord.MetadataIndex m) {
            return b.u64(m.offset()).u64(m.length()).string(m.name());
        } else if (r instanceof McapRecord.AttachmentIndex a) {
            return b.u64(a.offset()).u64(a.length()).u64(a.logTime()).u64(a.createTime()).u64(a.dataSize())
                    .string(a.name()).string(a.mediaType());
        } else if (r instanceof McapRecord.ChunkIndex c) {
            return b.u64(c.messageStartTime()).u64(c.messageEndTime()).u64(c.chunkStartOffset()).u64(c.chunkLength())
                    .u16u64Map(c.messageIndexOffsets()).u64(c.messageIndexLength()).string(c.compression())
                    .u64(c.compressedSize()).u64(c.uncompressedSize());
        }
        throw new IllegalArgumentException("no summary record: " + r.typeName());
    }

    static RecordBuffer schema(RecordBuffer b, McapRecord.Schema s) {
        return b.u16(s.id()).string(s.name()).string(s.encoding()).u32(s.data().remaining()).raw(s.data());
    }

    static RecordBuffer channel(RecordBuffer b, McapRecord.Channel c) {
        return b.u16(c.id()).u16(c.schemaId()).string(c.topic()).string(c.messageEncoding()).stringMap(c.metadata());
    }
}
