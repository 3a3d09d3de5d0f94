package org.hcert.runner.command;

import java.nio.file.Path;
import java.util.Objects;
import org.hcert.adapters.tcp.TlsFiles;
import org.hcert.adapters.tcp.TlsSettings;
import org.hcert.runner.UsageException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of a {@code tls://} link: what the harness trusts and the certificate it shows.
 * PKCS#12 files are opened with the password in the environment variable
 * {@value TlsFiles#PASSWORD_ENV}.
 */
final class LinkTlsOptions {

    @Option(names = "--link-trust", paramLabel = "FILE",
            description = "tls:// and wss:// links: the lab's CA certificates that robot certificates must chain to (PEM or PKCS#12); "
                    + "default: the JDK's CA certificates. Not needed when the URI pins the certificate (pin=sha256:...)")
    private @Nullable Path trust;

    @Option(names = "--link-cert", paramLabel = "FILE",
            description = "tls:// and wss:// links: the harness's client certificate, for robots that require one "
                    + "(PEM chain with --link-key, or PKCS#12 holding both)")
    private @Nullable Path clientCertificate;

    @Option(names = "--link-key", paramLabel = "FILE", description = "tls:// and wss:// links: the PKCS#8 PEM private key of --link-cert")
    private @Nullable Path clientKey;

    /**
     * The settings for a link to {@code uri}.
     *
     * @throws UsageException when a TLS option is given for a link that is not {@code tls://}
     */
    TlsSettings settingsFor(String uri) {
        if (!uri.startsWith("tls://") && !uri.startsWith("wss://") && (trust != null || clientCertificate != null || clientKey != null)) {
            throw new UsageException("--link-trust, --link-cert and --link-key apply to tls:// and wss:// links only; the link is " + redacted(uri));
        }
        if (clientKey != null && clientCertificate == null) {
            throw new UsageException("--link-key needs --link-cert");
        }
        TlsSettings s = TlsSettings.defaults().withPassword(Objects.requireNonNullElse(System.getenv(TlsFiles.PASSWORD_ENV), ""));
        if (trust != null) {
            s = s.withTrust(trust);
        }
        return clientCertificate == null ? s : s.withClientCertificate(clientCertificate, clientKey);
    }

    private static String redacted(String uri) {
        return uri.replaceAll("token=[^&]*", "token=***");
    }
}
