package org.hcert.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hcert.adapters.serial.SerialSettings;
import org.junit.jupiter.api.Test;

class LinkUriTest {

    @Test
    void readsATcpUriAndRedactsItsToken() {
        LinkUri uri = LinkUri.parse("tcp://127.0.0.1:7447?token=s3cret");
        assertThat(uri.host()).isEqualTo("127.0.0.1");
        assertThat(uri.port()).isEqualTo(7447);
        assertThat(uri.param("token")).contains("s3cret");
        assertThat(uri).hasToString("tcp://127.0.0.1:7447?token=***");
    }

    @Test
    void readsATlsUriWithItsPin() {
        LinkUri uri = LinkUri.parse("tls://robot-7.lab.example:7447?token=s3cret&pin=sha256:AB:CD");
        assertThat(uri.scheme()).isEqualTo("tls");
        assertThat(uri.host()).isEqualTo("robot-7.lab.example");
        assertThat(uri.port()).isEqualTo(7447);
        assertThat(uri.param("pin")).contains("sha256:AB:CD");
        assertThat(uri).hasToString("tls://robot-7.lab.example:7447?token=***&pin=sha256:AB:CD");
        assertThatThrownBy(() -> LinkUri.parse("tcp://127.0.0.1:1?pin=sha256:AB")).hasMessageContaining("unknown parameter \"pin\"; allowed: token;");
    }

    @Test
    void readsASerialUriWithItsLineSettings() {
        LinkUri uri = LinkUri.parse("serial:///dev/pts/3?baud=921600&parity=even");
        assertThat(uri.target()).isEqualTo("/dev/pts/3");
        assertThat(uri.params()).isEqualTo(Map.of("baud", "921600", "parity", "even"));
        assertThat(SerialSettings.of(uri)).isEqualTo(new SerialSettings("/dev/pts/3", 921_600, "even", 8, 1));
        assertThat(SerialSettings.of(LinkUri.parse("serial://COM3"))).isEqualTo(new SerialSettings("COM3", 921_600, "none", 8, 1));
    }

    @Test
    void refusesUnknownSchemesAndParametersNamingTheAcceptedForms() {
        assertThatThrownBy(() -> LinkUri.parse("udp://127.0.0.1:1")).isInstanceOf(IllegalArgumentException.class).hasMessage("""
                invalid link URI "udp://127.0.0.1:1": unknown scheme "udp"; expected tcp://HOST:PORT[?token=T], \
                tls://HOST:PORT[?token=T&pin=sha256:HEX], serial://PORT[?baud=921600&parity=none|even|odd&databits=8&stopbits=1] \
                or ws://HOST:PORT (a Foxglove WebSocket server; wss://HOST:PORT[?pin=sha256:HEX] over TLS)""");
        assertThatThrownBy(() -> LinkUri.parse("tcp://127.0.0.1:1?token=x&speed=9")).hasMessage("""
                invalid link URI "tcp://127.0.0.1:1?token=***&speed=9": unknown parameter "speed"; allowed: token; expected \
                tcp://HOST:PORT[?token=T], tls://HOST:PORT[?token=T&pin=sha256:HEX], \
                serial://PORT[?baud=921600&parity=none|even|odd&databits=8&stopbits=1] or ws://HOST:PORT (a Foxglove WebSocket \
                server; wss://HOST:PORT[?pin=sha256:HEX] over TLS)""");
        assertThat(LinkUri.parse("ws://127.0.0.1:8765").toString()).isEqualTo("ws://127.0.0.1:8765");
        assertThatThrownBy(() -> LinkUri.parse("ws://127.0.0.1")).hasMessageContaining("a Foxglove WebSocket link needs a host and a port");
        assertThatThrownBy(() -> LinkUri.parse("ws://127.0.0.1:8765?token=x")).hasMessageContaining("unknown parameter \"token\"");
        assertThatThrownBy(() -> LinkUri.parse("tcp://127.0.0.1")).hasMessageContaining("a TCP link needs a host and a port");
    }

    @Test
    void refusesBadSerialSettings() {
        assertThatThrownBy(() -> SerialSettings.of(LinkUri.parse("serial:///dev/ttyUSB0?baud=fast")))
                .hasMessage("serial:///dev/ttyUSB0?baud=fast: parameter baud=\"fast\" is not a whole number");
        assertThatThrownBy(() -> SerialSettings.of(LinkUri.parse("serial:///dev/ttyUSB0?parity=mark")))
                .hasMessage("parity \"mark\" is not none, even or odd");
    }
}
