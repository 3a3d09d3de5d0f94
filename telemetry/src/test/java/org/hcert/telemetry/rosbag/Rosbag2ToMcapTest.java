package org.hcert.telemetry.rosbag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.RawMessageSource;
import org.hcert.telemetry.Recordings;
import org.hcert.telemetry.convert.Conversion;
import org.hcert.telemetry.mcap.McapReader;
import org.hcert.telemetry.mcap.McapRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rosbag2 sqlite bag converted to MCAP keeps its CDR bytes and its definitions, as rosbag2's own MCAP storage would. */
class Rosbag2ToMcapTest {

    @TempDir
    Path dir;

    @Test
    void everyMessageIsCopiedAsStoredWithItsTopicsSchema() {
        Path bag = Rosbag2Bags.cdrTest();
        Path mcap = dir.resolve("copy.mcap");
        Conversion.Result result = Conversion.convert(Recordings.open(bag), mcap, Conversion.Options.defaults());
        List<RawMessageSource.RawMessage> stored = new ArrayList<>();
        try (RawMessageSource.RawCursor c = Rosbag2SqliteSource.of(bag).openRaw()) {
            c.forEachRemaining(stored::add);
        }
        assertThat(result.messages()).isEqualTo(stored.size()).isPositive();
        try (McapReader reader = McapReader.open(mcap)) {
            Iterator<McapRecord.Message> copied = reader.messages();
            for (RawMessageSource.RawMessage m : stored) {
                McapRecord.Message c = copied.next();
                McapRecord.Channel channel = reader.channels().get(c.channelId());
                assertThat(channel.topic()).isEqualTo(m.topic());
                assertThat(channel.messageEncoding()).isEqualTo("cdr");
                assertThat(c.logTime()).isEqualTo(m.logTimeNs());
                assertThat(bytes(c.data())).isEqualTo(bytes(m.data()));
                McapRecord.Schema schema = reader.schemas().get(channel.schemaId());
                assertThat(schema.encoding()).isEqualTo("ros2msg");
                assertThat(schema.name()).isEqualTo(m.schema().name());
            }
            assertThat(copied.hasNext()).isFalse();
        }
        // and it decodes to the same messages as the bag
        assertThat(messages(Recordings.open(mcap))).usingRecursiveFieldByFieldElementComparatorIgnoringFields("origin", "type")
                .isEqualTo(messages(Recordings.open(bag)));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static List<Message> messages(org.hcert.telemetry.TelemetrySource source) {
        List<Message> out = new ArrayList<>();
        try (MessageCursor c = source.open()) {
            c.forEachRemaining(out::add);
        }
        return out;
    }
}
