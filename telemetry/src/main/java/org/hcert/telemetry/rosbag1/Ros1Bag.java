package org.hcert.telemetry.rosbag1;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.hcert.telemetry.SchemaInfo;
import org.hcert.telemetry.TelemetryException;
import org.hcert.telemetry.TelemetryFormatException;
import org.jspecify.annotations.Nullable;

/**
 * The layout of a ROS 1 bag (format 2.0): its connections and its chunks with their time ranges,
 * from the index at its end, or, when the index is missing, cut or inconsistent, from a scan of the
 * chunks themselves (each decompressed once to learn its connections and times). What could not be
 * read is in {@link #warnings()}: a bag without a usable index was not closed by its recorder and
 * may have lost its last messages, so it is never taken as complete.
 */
final class Ros1Bag implements AutoCloseable {

    static final String MAGIC = "#ROSBAG V2.0\n";
    /** The largest decompressed chunk hcert accepts (rosbag writes 768 KB chunks by default). */
    static final long MAX_CHUNK_BYTES = 512L << 20;

    /** A connection: a topic, its type and its message definition (the ROS 1 .msg text, dependencies included). */
    record Connection(long id, String topic, String type, String definition) {
        SchemaInfo schema() {
            return new SchemaInfo(type, "ros1msg", definition.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A chunk record: where its compressed data lies, how it is compressed and how large it is
     * decompressed, and the time of its first and last message.
     */
    record Chunk(long offset, long dataOffset, int dataLength, String compression, long size, long startNs, long endNs) {}

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final Map<Long, Connection> connections = new LinkedHashMap<>();
    private final List<Chunk> chunks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean indexed;

    private Ros1Bag(Path file, FileChannel channel, long fileSize) {
        this.file = file;
        this.channel = channel;
        this.fileSize = fileSize;
    }

    /**
     * Read the layout of {@code file}.
     *
     * @throws TelemetryException when the file cannot be read or is not a ROS 1 bag of format 2.0
     */
    static Ros1Bag open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TelemetryException("%s: recording not found (or not a regular file)".formatted(file));
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new TelemetryException("%s: cannot open: %s".formatted(file, e.getMessage()), e);
        }
        try {
            Ros1Bag bag = new Ros1Bag(file, channel, channel.size());
            bag.readLayout();
            return bag;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TelemetryException("%s: cannot read: %s".formatted(file, e.getMessage()), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the error being reported matters more
        }
    }

    Path file() {
        return file;
    }

    Map<Long, Connection> connections() {
        return connections;
    }

    /** The chunks, by the time of their first message, then by place in the file. */
    List<Chunk> chunks() {
        return chunks;
    }

    /** Whether the layout came from the bag's index (else from a scan). */
    boolean indexed() {
        return indexed;
    }

    List<String> warnings() {
        return warnings;
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private String at(long offset) {
        return file + "@" + offset;
    }

    private void readLayout() throws IOException {
        byte[] magic = new byte[MAGIC.length()];
        ByteBuffer head = read(0, (int) Math.min(fileSize, magic.length));
        head.get(magic, 0, head.remaining());
        String start = new String(magic, StandardCharsets.ISO_8859_1);
        if (start.startsWith("#ROSBAG V1.")) {
            throw new TelemetryException("%s: a ROS bag of format %s, which hcert does not read; convert it to format 2.0 with `rosbag fix`"
                    .formatted(file, start.substring(8).trim()));
        }
        if (!start.equals(MAGIC)) {
            throw new TelemetryException("%s: not a ROS 1 bag (it does not start with \"#ROSBAG V2.0\")".formatted(file));
        }
        Header bagHeader = header(MAGIC.length());
        if (bagHeader == null || bagHeader.record.op() != BagRecord.BAG_HEADER) {
            throw new TelemetryFormatException(at(MAGIC.length()), bagHeader == null ? "the bag header record is cut"
                    : "the first record is op %d, not the bag header (3)".formatted(bagHeader.record.op()));
        }
        String where = at(MAGIC.length());
        long indexPos = bagHeader.record.int64("index_pos", where);
        long connectionCount = bagHeader.record.int32("conn_count", where);
        long chunkCount = bagHeader.record.int32("chunk_count", where);
        long firstRecord = bagHeader.next;
        if (indexPos == 0) {
            warnings.add(("%s: the bag has no index (index_pos is 0: its recorder did not close it); read by scanning its "
                    + "chunks, and its last messages may be lost").formatted(file));
        } else if (indexPos < firstRecord || indexPos >= fileSize) {
            warnings.add("%s: the index position %d lies outside the file (%d bytes: the file is cut); read by scanning its chunks"
                    .formatted(file, indexPos, fileSize));
        } else {
            String problem = readIndex(indexPos, connectionCount, chunkCount);
            if (problem.isEmpty()) {
                indexed = true;
                sortChunks();
                return;
            }
            warnings.add("%s: the index at byte %d cannot be used (%s); read by scanning its chunks".formatted(file, indexPos, problem));
            connections.clear();
            chunks.clear();
        }
        scan(firstRecord, indexPos > firstRecord && indexPos < fileSize ? indexPos : fileSize);
        sortChunks();
    }

    private void sortChunks() {
        chunks.sort(Comparator.comparingLong(Chunk::startNs).thenComparingLong(Chunk::offset));
    }

    /** Read the index; what is wrong with it, or empty. */
    private String readIndex(long indexPos, long connectionCount, long chunkCount) throws IOException {
        long pos = indexPos;
        List<long[]> infos = new ArrayList<>();
        try {
            while (pos < fileSize) {
                Header h = header(pos);
                if (h == null) {
                    return "its record at byte %d is cut".formatted(pos);
                }
                String where = at(pos);
                if (h.record.op() == BagRecord.CONNECTION) {
                    connection(h.record, readData(h), where);
                } else if (h.record.op() == BagRecord.CHUNK_INFO) {
                    infos.add(new long[] {h.record.int64("chunk_pos", where), h.record.timeNs("start_time", where),
                            h.record.timeNs("end_time", where)});
                } else {
                    return "a record of op %d at byte %d, where only connections and chunk infos belong".formatted(h.record.op(), pos);
                }
                pos = h.next;
            }
            if (connections.size() != connectionCount || infos.size() != chunkCount) {
                return "it lists %d connections and %d chunks, the bag header says %d and %d".formatted(connections.size(),
                        infos.size(), connectionCount, chunkCount);
            }
            for (long[] info : infos) {
                Header h = info[0] > 0 && info[0] < fileSize ? header(info[0]) : null;
                if (h == null || h.record.op() != BagRecord.CHUNK) {
                    return "chunk info points at byte %d, where there is no chunk".formatted(info[0]);
                }
                chunks.add(chunk(h, info[1], info[2]));
            }
        } catch (TelemetryFormatException e) {
            return e.getMessage();
        }
        return "";
    }

    /** Scan the records from {@code from} to {@code to}: connections, and each chunk decompressed for its times. */
    private void scan(long from, long to) throws IOException {
        long pos = from;
        int chunkNumber = 0;
        while (pos < to) {
            Header h;
            try {
                h = header(pos);
            } catch (TelemetryFormatException e) {
                warnings.add("%s; the rest of the bag (%d bytes) is not read".formatted(e.getMessage(), fileSize - pos));
                return;
            }
            if (h == null) {
                warnings.add("%s: the bag is cut at byte %d, inside a record (%d bytes not read)".formatted(file, pos, fileSize - pos));
                return;
            }
            String where = at(pos);
            switch (h.record.op()) {
                case BagRecord.CONNECTION -> connection(h.record, readData(h), where);
                case BagRecord.CHUNK -> {
                    chunkNumber++;
                    try {
                        long[] times = chunkTimes(h, where);
                        if (times.length > 0) {
                            chunks.add(chunk(h, times[0], times[1]));
                        }
                    } catch (TelemetryFormatException e) {
                        warnings.add("chunk %d: %s; its messages are not read".formatted(chunkNumber, e.getMessage()));
                    }
                }
                case BagRecord.INDEX_DATA, BagRecord.CHUNK_INFO -> { }
                case BagRecord.MESSAGE_DATA -> warnings.add("%s: a message outside any chunk is not read".formatted(where));
                default -> warnings.add("%s: a record of unknown op %d is skipped".formatted(where, h.record.op()));
            }
            pos = h.next;
        }
    }

    /** The first and last message times of a chunk (empty when it holds none), learning its connections on the way. */
    private long[] chunkTimes(Header h, String where) throws IOException {
        Chunk c = chunk(h, 0, 0);
        ByteBuffer records = decompress(c);
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        while (records.hasRemaining()) {
            BagRecord r = BagRecord.next(records, where);
            if (r.op() == BagRecord.CONNECTION) {
                connection(r, r.data(), where);
            } else if (r.op() == BagRecord.MESSAGE_DATA) {
                long t = r.timeNs("time", where);
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        return first == Long.MAX_VALUE ? new long[0] : new long[] {first, last};
    }

    /** Register a connection record (once per id; a later record of the same id must agree). */
    void connection(BagRecord r, ByteBuffer data, String where) {
        long id = r.int32("conn", where);
        Map<String, byte[]> header = BagRecord.fields(data, where + " (connection header)");
        byte[] type = header.get("type");
        byte[] definition = header.get("message_definition");
        if (type == null || definition == null) {
            throw new TelemetryFormatException(where, "connection %d has no %s".formatted(id, type == null ? "type" : "message_definition"));
        }
        byte[] topicBytes = header.get("topic");
        String topic = topicBytes != null ? new String(topicBytes, StandardCharsets.UTF_8) : r.text("topic", where);
        connections.putIfAbsent(id, new Connection(id, topic, new String(type, StandardCharsets.UTF_8),
                new String(definition, StandardCharsets.UTF_8)));
    }

    private Chunk chunk(Header h, long startNs, long endNs) {
        String where = at(h.record.offset());
        long size = h.record.int32("size", where);
        if (size > MAX_CHUNK_BYTES) {
            throw new TelemetryFormatException(where, "the chunk claims %d bytes decompressed, more than the %d hcert accepts"
                    .formatted(size, MAX_CHUNK_BYTES));
        }
        return new Chunk(h.record.offset(), h.dataOffset, h.dataLength, h.record.text("compression", where), size, startNs, endNs);
    }

    /** The decompressed records of {@code c}, little-endian. */
    ByteBuffer decompress(Chunk c) throws IOException {
        String where = at(c.offset());
        ByteBuffer compressed = read(c.dataOffset(), c.dataLength());
        byte[] out;
        if (c.compression().equals("none")) {
            out = new byte[compressed.remaining()];
            compressed.get(out);
        } else {
            byte[] in = new byte[compressed.remaining()];
            compressed.get(in);
            try (InputStream s = switch (c.compression()) {
                case "bz2" -> new BZip2CompressorInputStream(new ByteArrayInputStream(in));
                case "lz4" -> new LZ4FrameInputStream(new ByteArrayInputStream(in));
                default -> throw new TelemetryFormatException(where, "chunk compression \"%s\" is not one of none, bz2, lz4"
                        .formatted(c.compression()));
            }) {
                out = s.readNBytes((int) c.size() + 1);
            } catch (IOException e) {
                throw new TelemetryFormatException(where, "the %s chunk does not decompress: %s".formatted(c.compression(), e.getMessage()), e);
            }
        }
        if (out.length != c.size()) {
            throw new TelemetryFormatException(where, "the chunk holds %d bytes decompressed, its header says %d".formatted(out.length, c.size()));
        }
        return ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A record header read from the file, where its data lies, and where the next record starts. */
    private record Header(BagRecord record, long dataOffset, int dataLength, long next) {}

    /** The record at {@code pos}, its data not read; null when the file ends inside it. */
    private @Nullable Header header(long pos) throws IOException {
        String where = at(pos);
        if (pos + 4 > fileSize) {
            return null;
        }
        long headerLength = read(pos, 4).getInt() & 0xFFFF_FFFFL;
        if (headerLength > BagRecord.MAX_HEADER_BYTES) {
            throw new TelemetryFormatException(where, "a record header of %d bytes, more than the %d hcert accepts"
                    .formatted(headerLength, BagRecord.MAX_HEADER_BYTES));
        }
        if (pos + 4 + headerLength + 4 > fileSize) {
            return null;
        }
        Map<String, byte[]> fields = BagRecord.fields(read(pos + 4, (int) headerLength), where);
        long dataLength = read(pos + 4 + headerLength, 4).getInt() & 0xFFFF_FFFFL;
        long dataOffset = pos + 8 + headerLength;
        if (dataOffset + dataLength > fileSize) {
            return null;
        }
        if (dataLength > Integer.MAX_VALUE - 8) {
            throw new TelemetryFormatException(where, "a record of %d bytes of data".formatted(dataLength));
        }
        BagRecord record = new BagRecord(BagRecord.op(fields, where), fields, ByteBuffer.allocate(0), pos);
        return new Header(record, dataOffset, (int) dataLength, dataOffset + dataLength);
    }

    private ByteBuffer readData(Header h) throws IOException {
        return read(h.dataOffset, h.dataLength);
    }

    private ByteBuffer read(long pos, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int n = channel.read(b, pos + b.position());
            if (n < 0) {
                throw new IOException("the file ends at byte %d, before the %d bytes at %d".formatted(pos + b.position(), length, pos));
            }
        }
        return b.flip();
    }
}
