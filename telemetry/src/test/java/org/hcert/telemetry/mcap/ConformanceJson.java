package org.hcert.telemetry.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Print a record as the MCAP conformance runner does: {@code {"type", "fields": [[name, value]…]}},
 * fields sorted by snake_case name, numbers as decimal strings, bytes as arrays of strings, maps as
 * objects.
 */
final class ConformanceJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ConformanceJson() {}

    static ObjectNode of(McapRecord record) {
        Map<String, JsonNode> f = new TreeMap<>();
        if (record instanceof McapRecord.Header r) {
            f.put("profile", F.textNode(r.profile()));
            f.put("library", F.textNode(r.library()));
        } else if (record instanceof McapRecord.Footer r) {
            f.put("summary_start", n(r.summaryStart()));
            f.put("summary_offset_start", n(r.summaryOffsetStart()));
            f.put("summary_crc", n(r.summaryCrc()));
        } else if (record instanceof McapRecord.Schema r) {
            f.put("id", n(r.id()));
            f.put("name", F.textNode(r.name()));
            f.put("encoding", F.textNode(r.encoding()));
            f.put("data", bytes(r.data()));
        } else if (record instanceof McapRecord.Channel r) {
            f.put("id", n(r.id()));
            f.put("schema_id", n(r.schemaId()));
            f.put("topic", F.textNode(r.topic()));
            f.put("message_encoding", F.textNode(r.messageEncoding()));
            f.put("metadata", strings(r.metadata()));
        } else if (record instanceof McapRecord.Message r) {
            f.put("channel_id", n(r.channelId()));
            f.put("sequence", n(r.sequence()));
            f.put("log_time", n(r.logTime()));
            f.put("publish_time", n(r.publishTime()));
            f.put("data", bytes(r.data()));
        } else if (record instanceof McapRecord.ChunkIndex r) {
            f.put("message_start_time", n(r.messageStartTime()));
            f.put("message_end_time", n(r.messageEndTime()));
            f.put("chunk_start_offset", n(r.chunkStartOffset()));
            f.put("chunk_length", n(r.chunkLength()));
            f.put("message_index_offsets", numbers(r.messageIndexOffsets()));
            f.put("message_index_length", n(r.messageIndexLength()));
            f.put("compression", F.textNode(r.compression()));
            f.put("compressed_size", n(r.compressedSize()));
            f.put("uncompressed_size", n(r.uncompressedSize()));
        } else if (record instanceof McapRecord.Attachment r) {
            f.put("log_time", n(r.logTime()));
            f.put("create_time", n(r.createTime()));
            f.put("name", F.textNode(r.name()));
            f.put("media_type", F.textNode(r.mediaType()));
            f.put("data", bytes(r.data()));
        } else if (record instanceof McapRecord.AttachmentIndex r) {
            f.put("offset", n(r.offset()));
            f.put("length", n(r.length()));
            f.put("log_time", n(r.logTime()));
            f.put("create_time", n(r.createTime()));
            f.put("data_size", n(r.dataSize()));
            f.put("name", F.textNode(r.name()));
            f.put("media_type", F.textNode(r.mediaType()));
        } else if (record instanceof McapRecord.Statistics r) {
            f.put("message_count", n(r.messageCount()));
            f.put("schema_count", n(r.schemaCount()));
            f.put("channel_count", n(r.channelCount()));
            f.put("attachment_count", n(r.attachmentCount()));
            f.put("metadata_count", n(r.metadataCount()));
            f.put("chunk_count", n(r.chunkCount()));
            f.put("message_start_time", n(r.messageStartTime()));
            f.put("message_end_time", n(r.messageEndTime()));
            f.put("channel_message_counts", numbers(r.channelMessageCounts()));
        } else if (record instanceof McapRecord.Metadata r) {
            f.put("name", F.textNode(r.name()));
            f.put("metadata", strings(r.metadata()));
        } else if (record instanceof McapRecord.MetadataIndex r) {
            f.put("offset", n(r.offset()));
            f.put("length", n(r.length()));
            f.put("name", F.textNode(r.name()));
        } else if (record instanceof McapRecord.SummaryOffset r) {
            f.put("group_opcode", n(r.groupOpcode()));
            f.put("group_start", n(r.groupStart()));
            f.put("group_length", n(r.groupLength()));
        } else if (record instanceof McapRecord.DataEnd r) {
            f.put("data_section_crc", n(r.dataSectionCrc()));
        } else {
            throw new IllegalArgumentException("the conformance runner prints no " + record.typeName());
        }
        ArrayNode fields = F.arrayNode();
        f.forEach((k, v) -> fields.add(F.arrayNode().add(k).add(v)));
        ObjectNode node = F.objectNode();
        node.put("type", record.typeName());
        node.set("fields", fields);
        return node;
    }

    private static JsonNode n(long v) {
        return F.textNode(Long.toUnsignedString(v));
    }

    private static JsonNode bytes(ByteBuffer b) {
        ArrayNode a = F.arrayNode();
        ByteBuffer d = b.duplicate();
        while (d.hasRemaining()) {
            a.add(Integer.toString(d.get() & 0xFF));
        }
        return a;
    }

    private static JsonNode strings(Map<String, String> m) {
        ObjectNode o = F.objectNode();
        m.forEach(o::put);
        return o;
    }

    private static JsonNode numbers(Map<Integer, Long> m) {
        ObjectNode o = F.objectNode();
        m.forEach((k, v) -> o.put(Integer.toString(k), Long.toUnsignedString(v)));
        return o;
    }
}
