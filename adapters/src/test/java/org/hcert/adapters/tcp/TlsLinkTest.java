package org.hcert.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.hcert.adapters.Command;
import org.hcert.adapters.LinkOptions;
import org.hcert.adapters.LinkRefusedException;
import org.hcert.adapters.LinkUri;
import org.hcert.adapters.LoopbackRobot;
import org.hcert.adapters.RobotLink;
import org.hcert.adapters.WireLinkContractTest;
import org.hcert.adapters.testing.EchoRobot;
import org.hcert.testkit.TestTls;
import org.junit.jupiter.api.Test;

/**
 * The shared contract over TLS 1.3 on 127.0.0.1 (the robot's certificate signed by the test lab
 * CA), and the ways a TLS link refuses a robot it cannot trust.
 */
class TlsLinkTest extends WireLinkContractTest {

    private static final TlsSettings LAB = TlsSettings.defaults().withTrust(TestTls.file("ca.pem"));

    @Override
    protected Peer startPeer(EchoRobot.Config config) throws IOException {
        return peer(config, TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key")));
    }

    private static Peer peer(EchoRobot.Config config, TlsServer tls) throws IOException {
        return new LoopbackRobot(config, tls);
    }

    @Override
    protected RobotLink link(String uri, LinkOptions options) {
        return TlsLink.of(LinkUri.parse(uri), options, LAB);
    }

    /** The message of the {@link LinkRefusedException} that connecting to {@code uri} throws. */
    private static String refusal(String uri, TlsSettings settings, LinkOptions options) {
        try (RobotLink link = TlsLink.of(LinkUri.parse(uri), options, settings)) {
            return assertThatThrownBy(link::connect).isInstanceOf(LinkRefusedException.class).actual().getMessage();
        }
    }

    private static String refusal(Peer p, String uri, TlsSettings settings) {
        String message;
        try {
            message = refusal(uri, settings, OPTIONS);
        } finally {
            p.close();
        }
        return message;
    }

    @Test
    void refusesARobotCertificateTheLabDoesNotTrust() throws IOException {
        Peer p = startPeer(EchoRobot.Config.defaults());
        Path other = TestTls.file("other-ca.pem");
        String fp = TlsFiles.fingerprint(TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key")).leaf());
        assertThat(refusal(p, p.uri(), TlsSettings.defaults().withTrust(other))).startsWith("""
                %s: cannot open the link: TLS handshake failed: the robot's certificate is not trusted: \
                CN=robot on 127.0.0.1,O=hcert tests (issued by CN=hcert test lab CA,O=hcert tests, fingerprint %s) \
                does not chain to a CA certificate in the trust store %s; trust the CA that issued it, \
                or pin this certificate with pin=%s; no frame received since the link opened at\s""".formatted(p.uri(), fp, other, fp));
    }

    @Test
    void refusesACertificateForAnotherHost() throws IOException {
        Peer p = peer(EchoRobot.Config.defaults(), TlsServer.of(TestTls.file("wrong-host.pem"), TestTls.file("wrong-host.key")));
        String fp = TlsFiles.fingerprint(TlsServer.of(TestTls.file("wrong-host.pem"), TestTls.file("wrong-host.key")).leaf());
        assertThat(refusal(p, p.uri(), LAB)).startsWith("""
                %s: cannot open the link: TLS handshake failed: the robot's certificate is not for the host 127.0.0.1: \
                it names DNS:robot-9.lab.example; connect by a name it lists, or pin it with pin=%s; no frame received""".formatted(p.uri(), fp));
    }

    @Test
    void acceptsAPinnedSelfSignedCertificateWhateverItsHostName() throws Exception {
        TlsServer selfSigned = TlsServer.of(TestTls.file("self-signed.pem"), TestTls.file("self-signed.key"));
        Peer p = peer(EchoRobot.Config.defaults().withToken("s3cret"), selfSigned);
        String pin = TlsFiles.fingerprint(selfSigned.leaf());
        try (RobotLink link = TlsLink.of(LinkUri.parse(p.uri() + "?token=s3cret&pin=" + pin.toUpperCase().replace("SHA256", "sha256")),
                OPTIONS, TlsSettings.defaults())) {
            link.connect();
            assertThat(link.send(new Command.Reset()).accepted()).isTrue();
            assertThat(link.describe()).isEqualTo(p.uri() + "?token=***&pin=" + pin.toUpperCase().replace("SHA256", "sha256"));
        } finally {
            p.close();
        }
    }

    @Test
    void refusesACertificateThatDoesNotMatchThePin() throws IOException {
        TlsServer selfSigned = TlsServer.of(TestTls.file("self-signed.pem"), TestTls.file("self-signed.key"));
        Peer p = peer(EchoRobot.Config.defaults(), selfSigned);
        String wrong = "sha256:" + "ab".repeat(32);
        assertThat(refusal(p, p.uri() + "?pin=" + wrong, TlsSettings.defaults())).startsWith("""
                %s?pin=%s: cannot open the link: TLS handshake failed: the robot's certificate (CN=robot-7 self-signed) \
                is not the pinned one: its fingerprint is %s, the link URI pins %s; no frame received""".formatted(p.uri(), wrong,
                TlsFiles.fingerprint(selfSigned.leaf()), wrong));
    }

    @Test
    void refusesAPlainTcpRobotOnATlsUriNamingBothSchemes() throws IOException {
        try (LoopbackRobot plain = new LoopbackRobot(EchoRobot.Config.defaults())) {
            String uri = plain.uri().replace("tcp://", "tls://");
            assertThat(refusal(uri, LAB, OPTIONS.withHelloTimeout(Duration.ofMillis(800)))).startsWith("""
                    %s: cannot open the link: TLS handshake failed: no TLS answer from the robot within 800 ms; \
                    does it serve plain TCP on this port? Then use tcp://; no frame received""".formatted(uri));
        }
    }

    @Test
    void refusesAMalformedPinBeforeConnecting() {
        assertThatThrownBy(() -> TlsLink.of(LinkUri.parse("tls://127.0.0.1:7447?pin=md5:12ab"), OPTIONS, LAB))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("""
                        tls://127.0.0.1:7447?pin=md5:12ab: parameter pin="md5:12ab" is not a SHA-256 certificate fingerprint; \
                        expected pin=sha256:<64 hex digits, colons allowed>, as printed by: \
                        openssl x509 -noout -fingerprint -sha256 -in ROBOT.pem""");
    }

    @Test
    void namesATrustStoreThatCannotBeRead() {
        assertThatThrownBy(() -> TlsLink.of(LinkUri.parse("tls://127.0.0.1:7447"), OPTIONS,
                TlsSettings.defaults().withTrust(Path.of("no-such-ca.pem"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cannot read no-such-ca.pem: ");
    }

    @Test
    void showsAClientCertificateToARobotThatRequiresOne() throws Exception {
        TlsServer mutual = TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key")).withClientCa(TestTls.file("ca.pem"));
        Peer p = peer(EchoRobot.Config.defaults(), mutual);
        try (RobotLink link = TlsLink.of(LinkUri.parse(p.uri()), OPTIONS,
                LAB.withClientCertificate(TestTls.file("client.pem"), TestTls.file("client.key")))) {
            link.connect();
            assertThat(link.send(new Command.Reset()).accepted()).isTrue();
        } finally {
            p.close();
        }
    }

    @Test
    void reportsARobotThatRequiresAClientCertificateTheHarnessDidNotShow() throws Exception {
        TlsServer mutual = TlsServer.of(TestTls.file("robot.pem"), TestTls.file("robot.key")).withClientCa(TestTls.file("ca.pem"));
        Peer p = peer(EchoRobot.Config.defaults(), mutual);
        try (RobotLink link = TlsLink.of(LinkUri.parse(p.uri()), OPTIONS, LAB)) {
            assertThatThrownBy(link::connect).isInstanceOf(org.hcert.adapters.LinkException.class)
                    .hasMessageStartingWith(p.uri() + ": cannot open the link: TLS handshake failed: the robot requires a client certificate "
                            + "and the harness showed none (Received fatal alert: bad_certificate); give one with hcert certify --link-cert FILE --link-key FILE; ");
        } finally {
            p.close();
        }
    }

    @Test
    void servesAndTrustsPkcs12Files() throws Exception {
        TlsServer p12 = TlsServer.of(TestTls.file("robot.p12"), null).withPassword(TestTls.P12_PASSWORD);
        Peer p = peer(EchoRobot.Config.defaults(), p12);
        try (RobotLink link = TlsLink.of(LinkUri.parse(p.uri()), OPTIONS, LAB)) {
            link.connect();
            assertThat(link.send(new Command.Reset()).accepted()).isTrue();
        } finally {
            p.close();
        }
    }
}
