package org.hcert.telemetry.rosbag1;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hcert.telemetry.BodyDecoder;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.ros.RosBodyDecoders;
import org.jspecify.annotations.Nullable;

/**
 * A ROS 1 bag ({@code .bag}, format 2.0) read as a {@link TelemetrySource}: its messages in time
 * order, decoded with the message definitions the bag carries for each connection. Chunks may be
 * uncompressed, bz2 or lz4. A bag whose index is missing (not closed by its recorder), cut or
 * inconsistent is read by scanning its chunks, and the pass says so in {@link #warnings()}.
 */
public final class Ros1BagSource implements RawMessageSource {

    private final Path file;
    private final BodyDecoder decoder;
    private volatile List<String> warnings = List.of();

    public Ros1BagSource(Path file) {
        this.file = Objects.requireNonNull(file, "file must not be null");
        this.decoder = RosBodyDecoders.standard();
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public MessageCursor open() {
        return open((Set<String>) null);
    }

    @Override
    public MessageCursor open(@Nullable Set<String> topics) {
        Ros1Bag bag = Ros1Bag.open(file);
        List<String> found = new ArrayList<>(bag.warnings());
        warnings = found;
        return new Ros1BagCursor(bag, topics == null ? null : Set.copyOf(topics), decoder, found);
    }

    @Override
    public BodyDecoder decoder() {
        return decoder;
    }

    @Override
    public String profile() {
        return "ros1";
    }

    @Override
    public RawCursor openRaw() {
        Ros1BagCursor cursor = (Ros1BagCursor) open((Set<String>) null);
        return RawCursor.of(cursor::nextRaw, cursor::close, file.toString());
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
