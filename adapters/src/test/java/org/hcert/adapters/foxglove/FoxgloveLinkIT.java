package org.hcert.adapters.foxglove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hcert.adapters.LinkException;
import org.hcert.adapters.LinkListener;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.ReceivedTelemetry;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.RobotLinks;
import org.hcert.telemetry.Message;
import org.hcert.telemetry.MessageCursor;
import org.hcert.telemetry.Recordings;
import org.hcert.testkit.FoxglovePeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Foxglove link against the protocol's reference server ({@code mcap-play} of
 * {@code @foxglove/ws-protocol-examples}, on 127.0.0.1), replaying recordings of the repository:
 * every message that arrives is the file's message of the same log time, decoded by the schema the
 * server advertised, and the times between messages are the file's to the ns.
 */
@Timeout(120)
class FoxgloveLinkIT {

    private static final Path DATA = Path.of("../telemetry/src/test/resources/data");
    private static final LinkOptions OPTIONS = LinkOptions.defaults().withLinkTimeout(Duration.ofSeconds(2))
            .withAnswerTimeout(Duration.ofSeconds(2)).withPingInterval(Duration.ofMillis(200));

    /** What arrived over the link until mcap-play reached the end of the file and left. */
    private record Played(List<ReceivedTelemetry> received, LinkException end, RobotLink link) {}

    private static Played play(Path mcap) throws Exception {
        try (FoxglovePeer peer = FoxglovePeer.mcapPlay(mcap)) {
            RobotLink link = RobotLinks.of(peer.uri(), OPTIONS);
            List<ReceivedTelemetry> received = new CopyOnWriteArrayList<>();
            link.addListener(new LinkListener() {
                @Override
                public void onTelemetry(ReceivedTelemetry t) {
                    received.add(t);
                }
            });
            link.connect();
            try (MessageCursor cursor = link.telemetry()) {
                while (true) {
                    try {
                        if (!cursor.hasNext()) {
                            break;
                        }
                        cursor.next();
                    } catch (LinkException e) {
                        link.close();
                        return new Played(received, e, link);
                    }
                }
            }
            throw new AssertionError("the link ended without a failure, though the server left");
        }
    }

    /** The file's messages by topic, in order. */
    private static Map<String, List<Message>> byTopic(Path mcap) {
        Map<String, List<Message>> out = new HashMap<>();
        try (MessageCursor c = Recordings.open(mcap).open()) {
            c.forEachRemaining(m -> out.computeIfAbsent(m.topic(), t -> new ArrayList<>()).add(m));
        }
        return out;
    }

    /**
     * On every topic, what arrived is the file's messages from some point to the end, none missing
     * and none changed: mcap-play plays from the moment a client connects and does not wait for its
     * subscriptions, so the first messages may go by, but never one after the subscription. The
     * times between messages are the file's to the ns.
     */
    private static void assertSameAsTheFile(Path mcap, Played played, int messages) {
        Map<String, List<Message>> file = byTopic(mcap);
        assertThat(file.values().stream().mapToInt(List::size).sum()).isEqualTo(messages);
        assertThat(played.received()).hasSizeGreaterThan(messages / 2);
        Map<String, List<ReceivedTelemetry>> arrived = new HashMap<>();
        played.received().forEach(t -> arrived.computeIfAbsent(t.message().topic(), k -> new ArrayList<>()).add(t));
        assertThat(file.keySet()).containsAll(arrived.keySet());
        arrived.forEach((topic, got) -> {
            List<Message> all = file.get(topic);
            List<Message> tail = all.subList(all.size() - got.size(), all.size());
            for (int i = 0; i < got.size(); i++) {
                ReceivedTelemetry t = got.get(i);
                Message expected = tail.get(i);
                assertThat(t.robotTimeNs()).as("%s message %d of the tail", topic, i).isEqualTo(expected.logTimeNs());
                assertThat(t.message().body()).isEqualTo(expected.body());
                assertThat(t.message().type()).isEqualTo(expected.type());
                assertThat(t.message().logTimeNs() - got.get(0).message().logTimeNs()).isEqualTo(expected.logTimeNs() - tail.get(0).logTimeNs());
            }
        });
    }

    @Test
    void aProtobufRecordingArrivesAsTheFileHoldsIt() throws Exception {
        Path mcap = DATA.resolve("protobuf/lowstate.mcap");
        Played played = play(mcap);
        assertSameAsTheFile(mcap, played, 1000);
        // at the end of the file mcap-play exits without a closing handshake: the link says it was lost
        assertThat(played.end()).hasMessageContaining("ws://127.0.0.1:");
        assertThat(played.link().failure()).isPresent();
    }

    @Test
    void aRosbag2CdrRecordingArrivesDecodedByTheAdvertisedDefinitions() throws Exception {
        Path mcap = DATA.resolve("rosbag2/rosbag2_tests/resources/mcap/cdr_test/cdr_test_0.mcap");
        assertSameAsTheFile(mcap, play(mcap), byTopic(mcap).values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aFlatbufferRecordingArrivesDecodedByItsBinarySchema() throws Exception {
        Path mcap = DATA.resolve("flatbuffers/lowstate.mcap");
        assertSameAsTheFile(mcap, play(mcap), 400);
    }

    @Test
    void nobodyListeningIsARefusalNamingTheLink() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RobotLink link = RobotLinks.of("ws://127.0.0.1:" + port, OPTIONS);
        assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class).hasMessageContaining("ws://127.0.0.1:" + port);
    }
}
