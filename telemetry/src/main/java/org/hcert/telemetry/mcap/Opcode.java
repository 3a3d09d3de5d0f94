package org.hcert.telemetry.mcap;

/** The record opcodes of MCAP major version 0, and their names as the specification spells them. */
final class Opcode {

    static final int HEADER = 0x01;
    static final int FOOTER = 0x02;
    static final int SCHEMA = 0x03;
    static final int CHANNEL = 0x04;
    static final int MESSAGE = 0x05;
    static final int CHUNK = 0x06;
    static final int MESSAGE_INDEX = 0x07;
    static final int CHUNK_INDEX = 0x08;
    static final int ATTACHMENT = 0x09;
    static final int ATTACHMENT_INDEX = 0x0A;
    static final int STATISTICS = 0x0B;
    static final int METADATA = 0x0C;
    static final int METADATA_INDEX = 0x0D;
    static final int SUMMARY_OFFSET = 0x0E;
    static final int DATA_END = 0x0F;

    private static final String[] NAMES = {
        "invalid opcode 0x00", "Header", "Footer", "Schema", "Channel", "Message", "Chunk", "MessageIndex",
        "ChunkIndex", "Attachment", "AttachmentIndex", "Statistics", "Metadata", "MetadataIndex",
        "SummaryOffset", "DataEnd",
    };

    private Opcode() {}

    /** Name the record for error messages: {@code Chunk}, or {@code unknown opcode 0x42}. */
    static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.length ? NAMES[opcode] : "unknown opcode 0x%02X".formatted(opcode);
    }
}
