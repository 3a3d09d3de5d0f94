package org.hcert.adapters.foxglove;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.hcert.adapters.HarnessClock;
import org.hcert.adapters.LinkOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server that speaks at once, as {@code foxglove_bridge} does: its {@code serverInfo} and a large
 * {@code advertise} follow the handshake's answer without a pause, so they reach the client in the
 * same reads as that answer. The JDK's WebSocket client lost or garbled those bytes in 1 of 300
 * connections on JDK 17 and 21 of 300 on JDK 25 (the advertisement then failed as "invalid UTF-8",
 * and the link had no channels); the link must hear the whole advertisement every time.
 */
@Timeout(120)
class FoxgloveOpeningIT {

    private static final int CONNECTIONS = 400;
    /** The schema's length: the advertisement spans many reads, the first with the handshake's answer. */
    private static final int SCHEMA_CHARS = 60_000;

    @Test
    void hearsTheWholeAdvertisementSentWithTheHandshakesAnswer() throws Exception {
        String description = "0123456789".repeat(SCHEMA_CHARS / 10);
        String advertise = """
                {"op":"advertise","channels":[{"id":1,"topic":"/big","encoding":"json","schemaName":"Big",\
                "schemaEncoding":"jsonschema","schema":"{\\"description\\":\\"%s\\"}"}]}""".formatted(description);
        LinkOptions options = LinkOptions.defaults().withLinkTimeout(Duration.ofSeconds(2)).withAnswerTimeout(Duration.ofSeconds(2));
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serve(server, advertise), "eager foxglove server");
            serving.setDaemon(true);
            serving.start();
            for (int i = 0; i < CONNECTIONS; i++) {
                try (FoxgloveLink link = new FoxgloveLink(URI.create("ws://127.0.0.1:" + server.getLocalPort()), options,
                        HarnessClock.system())) {
                    link.connect();
                    assertThat(link.channels()).as("connection %d: the channels advertised", i).hasSize(1);
                    assertThat(link.channels().values().iterator().next().topic()).isEqualTo("/big");
                }
            }
        }
    }

    /** Answer each connection's handshake, say serverInfo and advertise at once, answer pings, until the client leaves. */
    private static void serve(ServerSocket server, String advertise) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
                OutputStream out = s.getOutputStream();
                String key = null;
                for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                    if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
                        key = line.substring(18).trim();
                    }
                }
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                        + accept(key) + "\r\nSec-WebSocket-Protocol: " + FoxgloveLink.SUBPROTOCOL + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(frame(1, "{\"op\":\"serverInfo\",\"name\":\"eager\",\"capabilities\":[],\"supportedEncodings\":[]}"
                        .getBytes(StandardCharsets.UTF_8)));
                out.write(frame(1, advertise.getBytes(StandardCharsets.UTF_8)));
                out.flush();
                while (true) {
                    int b0 = in.read();
                    if (b0 < 0) {
                        break;
                    }
                    int b1 = in.readUnsignedByte();
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = in.readUnsignedShort();
                    } else if (length == 127) {
                        length = in.readLong();
                    }
                    byte[] mask = new byte[4];
                    in.readFully(mask);
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    int opcode = b0 & 0x0F;
                    if (opcode == 9) {
                        out.write(frame(10, payload));
                    } else if (opcode == 8) {
                        out.write(frame(8, payload));
                        break;
                    }
                }
            } catch (IOException e) {
                // the client left, or the server socket closed: next connection
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One unmasked, final frame. */
    private static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(payload.length);
        } else if (payload.length < 65_536) {
            f.write(126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xFF);
        } else {
            f.write(127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
            }
        }
        f.write(payload, 0, payload.length);
        return f.toByteArray();
    }
}
