package org.hcert.telemetry.mcap;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Read an MCAP file (https://mcap.dev/spec), either streamed front to back ({@link #records()})
 * or through its index in log-time order ({@link #messages(long, long)}).
 *
 * <p>A strict reader ({@link #open(Path)}) throws {@link org.hcert.telemetry.TelemetryFormatException}
 * at the first problem, naming the file, byte offset and record. A recovering reader ({@link
 * #openRecovering(Path)}) reads a file whose tail is cut or whose summary is missing up to its
 * last valid record, as {@code mcap recover} does, and lists what it skipped in {@link #warnings()}.
 * Readers are not thread-safe.
 */
public final class McapReader implements Closeable {

    private final McapFile file;
    private final boolean recover;
    private final List<String> warnings = new ArrayList<>();

    private McapReader(McapFile file, boolean recover) {
        this.file = file;
        this.recover = recover;
    }

    /**
     * Open {@code file} for strict reading.
     *
     * @throws org.hcert.telemetry.TelemetryException when the file cannot be opened
     */
    public static McapReader open(Path file) {
        return new McapReader(McapFile.open(file), false);
    }

    /** Open {@code file} for reading up to its last valid record. */
    public static McapReader openRecovering(Path file) {
        return new McapReader(McapFile.open(file), true);
    }

    /**
     * Stream every record in file order, with the Schema, Channel and Message records of each chunk
     * in place of the Chunk record; unknown opcodes are skipped. A Message's data stays valid
     * until the next call to {@code next()}.
     */
    public Iterator<McapRecord> records() {
        return new RecordStream(file, recover, warnings);
    }

    /** What a recovering reader skipped, each naming the file and byte offset; empty for a sound file. */
    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Whether a recovering reader stopped early or read without a usable summary. */
    public boolean recovered() {
        return !warnings.isEmpty();
    }

    /** The file being read. */
    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        file.close();
    }
}
