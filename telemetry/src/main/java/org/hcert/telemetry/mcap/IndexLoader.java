package org.hcert.telemetry.mcap;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * Build a file's {@link McapIndex}: from the summary section when the footer points at one with
 * chunk indexes, otherwise by scanning the data section record by record, reading only the
 * headers of messages and attachments and the schemas and channels inside chunks.
 */
final class IndexLoader {

    private static final int HEADER_BYTES = 9;
    private static final int FOOTER_AND_MAGIC = 1 + 8 + 20 + 8;
    private static final long MAX_RUN_BYTES = 4L << 20;

    private final McapFile file;
    private final boolean recover;
    private final List<String> warnings;
    private final McapIndex index = new McapIndex();
    private final ChunkDecoder decoder;
    private byte[] scratch = new byte[0];

    private IndexLoader(McapFile file, ChunkDecoder decoder, boolean recover, List<String> warnings) {
        this.file = file;
        this.decoder = decoder;
        this.recover = recover;
        this.warnings = warnings;
    }

    static McapIndex load(McapFile file, ChunkDecoder decoder, boolean recover, List<String> warnings) {
        RecordStream.checkMagic(file);
        IndexLoader loader = new IndexLoader(file, decoder, recover, warnings);
        try {
            if (loader.fromSummary()) {
                return loader.index;
            }
        } catch (TelemetryFormatException e) {
            if (!recover) {
                throw e;
            }
            warnings.add(e.getMessage() + "; rebuilt the index by scanning the data section");
        }
        loader.index.schemas.clear();
        loader.index.channels.clear();
        loader.index.attachments.clear();
        loader.index.metadata.clear();
        loader.index.fromSummary = false;
        loader.scan();
        return loader.index;
    }

    private Optional<McapRecord.Footer> footer() {
        long footerAt = file.size() - FOOTER_AND_MAGIC;
        if (footerAt < McapFile.MAGIC.length) {
            return Optional.empty();
        }
        ByteBuffer tail = file.view(footerAt, FOOTER_AND_MAGIC);
        byte[] magic = new byte[McapFile.MAGIC.length];
        tail.get(FOOTER_AND_MAGIC - magic.length, magic);
        if (tail.get(0) != Opcode.FOOTER || tail.getLong(1) != 20 || !Arrays.equals(magic, McapFile.MAGIC)) {
            return Optional.empty();
        }
        return Optional.of(new McapRecord.Footer(tail.getLong(9), tail.getLong(17), tail.getInt(25) & 0xFFFF_FFFFL));
    }

    private boolean fromSummary() {
        Optional<McapRecord.Footer> footer = footer();
        if (footer.isEmpty()) {
            throw file.error(file.size(), "no Footer record and trailing magic at the end of the file; it is truncated");
        }
        long footerAt = file.size() - FOOTER_AND_MAGIC;
        SummaryCrc.check(file, footerAt, footer.get());
        long start = footer.get().summaryStart();
        if (start == 0) {
            return false;
        }
        boolean hasChunkIndexes = false;
        for (long pos = start; pos < footerAt; ) {
            long length = recordLength(pos, footerAt);
            int opcode = file.view(pos, 1).get(0) & 0xFF;
            Optional<McapRecord> r = parse(pos, opcode, file.view(pos + HEADER_BYTES, (int) length));
            if (r.isPresent() && r.get() instanceof McapRecord.ChunkIndex ci) {
                hasChunkIndexes = true;
                index.slots.add(new McapIndex.Slot(true, ci.chunkStartOffset(), ci.chunkLength(), ci.messageStartTime(),
                        ci.messageEndTime(), index.slots.size(), ci.messageIndexOffsets(), ci.messageIndexLength()));
            } else {
                r.ifPresent(this::remember);
            }
            pos += HEADER_BYTES + length;
        }
        index.fromSummary = hasChunkIndexes;
        return hasChunkIndexes;
    }

    private void remember(McapRecord r) {
        if (r instanceof McapRecord.Schema s && s.id() != 0) {
            index.schemas.put(s.id(), s);
        } else if (r instanceof McapRecord.Channel c) {
            index.channels.put(c.id(), c);
        } else if (r instanceof McapRecord.Statistics s) {
            index.statistics = s;
        } else if (r instanceof McapRecord.AttachmentIndex a) {
            index.attachments.add(a);
        } else if (r instanceof McapRecord.MetadataIndex m) {
            index.metadata.add(m);
        }
    }

    /** The content length of the record at {@code pos}, checked to end before {@code limit}. */
    private long recordLength(long pos, long limit) {
        if (limit - pos < HEADER_BYTES) {
            throw file.error(pos, "the file ends inside a record header (%d of 9 bytes); it is truncated".formatted(limit - pos));
        }
        ByteBuffer h = file.view(pos, HEADER_BYTES);
        int opcode = h.get(0) & 0xFF;
        long length = h.getLong(1);
        if (opcode == 0) {
            throw file.error(pos, "invalid opcode 0x00 where a record should start");
        }
        if (length < 0 || length > limit - pos - HEADER_BYTES) {
            throw file.error(pos, opcode, "length %s goes beyond the end of the %s (%d bytes remain after the record header); the file is truncated"
                    .formatted(Long.toUnsignedString(length), limit == file.size() ? "file" : "summary", limit - pos - HEADER_BYTES));
        }
        if (length > ChunkDecoder.MAX_UNCOMPRESSED) {
            throw file.error(pos, opcode, "length %d is larger than the %d bytes hcert reads in one record"
                    .formatted(length, ChunkDecoder.MAX_UNCOMPRESSED));
        }
        return length;
    }

    private Optional<McapRecord> parse(long pos, int opcode, ByteBuffer content) {
        try {
            return RecordParser.parse(opcode, content);
        } catch (RecordException e) {
            throw file.error(pos, opcode, e.getMessage());
        }
    }

    private void scan() {
        @Nullable Run run = null;
        long pos = McapFile.MAGIC.length;
        try {
            while (true) {
                if (pos == file.size()) {
                    throw file.error(pos, "the file ends without a Footer record; it is truncated");
                }
                long length = recordLength(pos, file.size());
                int opcode = file.view(pos, 1).get(0) & 0xFF;
                if (opcode == Opcode.MESSAGE) {
                    run = extend(run, pos, length);
                    pos += HEADER_BYTES + length;
                    continue;
                }
                if (opcode == Opcode.CHUNK || opcode == Opcode.DATA_END || opcode == Opcode.FOOTER) {
                    run = close(run);
                }
                if (opcode == Opcode.DATA_END || opcode == Opcode.FOOTER) {
                    return;
                }
                pos = opcode == Opcode.CHUNK ? chunk(pos, length) : other(pos, opcode, length);
            }
        } catch (TelemetryFormatException e) {
            if (!recover) {
                throw e;
            }
            close(run);
            warnings.add(e.getMessage() + "; read up to the last valid record");
        }
    }

    private long other(long pos, int opcode, long length) {
        if (opcode == Opcode.ATTACHMENT) {
            index.attachments.add(attachmentIndex(pos, length));
        } else if (opcode == Opcode.SCHEMA || opcode == Opcode.CHANNEL) {
            parse(pos, opcode, file.view(pos + HEADER_BYTES, (int) length)).ifPresent(this::remember);
        } else if (opcode == Opcode.METADATA) {
            parse(pos, opcode, file.view(pos + HEADER_BYTES, (int) length)).ifPresent(r -> index.metadata.add(
                    new McapRecord.MetadataIndex(pos, HEADER_BYTES + length, ((McapRecord.Metadata) r).name())));
        }
        return pos + HEADER_BYTES + length;
    }

    private McapRecord.AttachmentIndex attachmentIndex(long pos, long length) {
        FieldReader r = new FieldReader(file.view(pos + HEADER_BYTES, (int) Math.min(length, 1 << 16)));
        try {
            long logTime = r.u64("log_time");
            long createTime = r.u64("create_time");
            String name = r.string("name");
            String mediaType = r.string("media_type");
            long dataSize = r.u64("data_size");
            return new McapRecord.AttachmentIndex(pos, HEADER_BYTES + length, logTime, createTime, dataSize, name, mediaType);
        } catch (RecordException e) {
            throw file.error(pos, Opcode.ATTACHMENT, e.getMessage());
        }
    }

    /** Index a chunk: its header, the schemas and channels inside it, and the message indexes after it. */
    private long chunk(long pos, long length) {
        McapRecord.Chunk chunk = (McapRecord.Chunk) parse(pos, Opcode.CHUNK, file.view(pos + HEADER_BYTES, (int) length)).orElseThrow();
        ByteBuffer records = decoder.records(file, pos, chunk, this::scratch);
        ChunkRecords.forEach(file, pos, records, (opcode, at, contentLength) -> {
            if (opcode == Opcode.SCHEMA || opcode == Opcode.CHANNEL) {
                try {
                    RecordParser.parse(opcode, ChunkRecords.content(records, at, contentLength)).ifPresent(this::remember);
                } catch (RecordException e) {
                    throw file.error(pos, Opcode.CHUNK, "%s record at +%d of the uncompressed records: %s"
                            .formatted(Opcode.name(opcode), at, e.getMessage()));
                }
            }
        });
        long end = pos + HEADER_BYTES + length;
        Map<Integer, Long> offsets = new LinkedHashMap<>();
        long at = end;
        try {
            while (file.size() - at >= HEADER_BYTES && (file.view(at, 1).get(0) & 0xFF) == Opcode.MESSAGE_INDEX) {
                long miLength = recordLength(at, file.size());
                offsets.put(file.view(at + HEADER_BYTES, 2).getShort(0) & 0xFFFF, at);
                at += HEADER_BYTES + miLength;
            }
        } catch (TelemetryFormatException e) {
            // The chunk is sound but its message indexes are cut: read it by scanning its records.
            index.slots.add(new McapIndex.Slot(true, pos, end - pos, chunk.messageStartTime(), chunk.messageEndTime(),
                    index.slots.size(), Map.of(), 0));
            throw e;
        }
        if (file.size() - at < HEADER_BYTES) {
            // The file ends after the indexes, perhaps inside one: trust none of them.
            offsets.clear();
        }
        index.slots.add(new McapIndex.Slot(true, pos, end - pos, chunk.messageStartTime(), chunk.messageEndTime(),
                index.slots.size(), offsets, at - end));
        return at;
    }

    /** One array for every chunk decompressed by the scan: only the schemas and channels are kept, as copies. */
    private byte[] scratch(int size) {
        if (scratch.length < size) {
            scratch = new byte[ChunkDecoder.reusableCapacity(size)];
        }
        return scratch;
    }

    private Run extend(@Nullable Run run, long pos, long length) {
        if (length < 22) {
            throw file.error(pos, Opcode.MESSAGE, "length %d is shorter than the 22 bytes of a message header".formatted(length));
        }
        long logTime = file.view(pos + HEADER_BYTES + 6, 8).getLong(0);
        Run r = run;
        if (r == null || pos + HEADER_BYTES + length - r.start > MAX_RUN_BYTES) {
            close(r);
            r = new Run(pos);
        }
        r.end = pos + HEADER_BYTES + length;
        r.startTime = Math.min(r.startTime, logTime);
        r.endTime = Math.max(r.endTime, logTime);
        return r;
    }

    private @Nullable Run close(@Nullable Run run) {
        if (run != null) {
            index.slots.add(new McapIndex.Slot(false, run.start, run.end - run.start, run.startTime, run.endTime,
                    index.slots.size(), Map.of(), 0));
        }
        return null;
    }

    /** A run of Message records outside chunks, up to {@link #MAX_RUN_BYTES} long. */
    private static final class Run {
        final long start;
        long end;
        long startTime = Long.MAX_VALUE;
        long endTime = Long.MIN_VALUE;

        Run(long start) {
            this.start = start;
        }
    }
}
