package org.hcert.telemetry.mcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What the indexed reader needs to know about a file: schemas and channels by id, the slots that
 * hold messages, statistics and the attachment and metadata indexes. Taken from the summary when
 * the file has one, otherwise rebuilt by scanning the data section.
 */
final class McapIndex {

    final Map<Integer, McapRecord.Schema> schemas = new TreeMap<>();
    final Map<Integer, McapRecord.Channel> channels = new TreeMap<>();
    final List<Slot> slots = new ArrayList<>();
    final List<McapRecord.AttachmentIndex> attachments = new ArrayList<>();
    final List<McapRecord.MetadataIndex> metadata = new ArrayList<>();
    McapRecord.@Nullable Statistics statistics;
    boolean fromSummary;

    Optional<McapRecord.Statistics> statistics() {
        return Optional.ofNullable(statistics);
    }

    /**
     * A byte range of the file that holds messages: a Chunk record (with the message indexes
     * after it), or a run of Message records outside chunks.
     *
     * @param rank the slot's place in file order, to keep equal log times in file order
     * @param messageIndexOffsets channel id → offset of its MessageIndex record; empty when unknown
     */
    record Slot(
            boolean chunk,
            long offset,
            long length,
            long startTime,
            long endTime,
            int rank,
            Map<Integer, Long> messageIndexOffsets,
            long messageIndexLength) {}
}
