package org.hcert.adapters.tcp;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.jspecify.annotations.Nullable;

/**
 * The harness's client certificate, if it has one, remembering whether the robot asked for one:
 * in TLS 1.3 the client's handshake ends before the server has judged its certificate, so a
 * robot that requires one and got none is otherwise only seen as a broken pipe later.
 */
final class ClientKeys extends X509ExtendedKeyManager {

    private final @Nullable X509ExtendedKeyManager identity;
    private volatile boolean asked;

    ClientKeys(@Nullable X509ExtendedKeyManager identity) {
        this.identity = identity;
    }

    /** Whether the robot sent a certificate request during the handshake. */
    boolean asked() {
        return asked;
    }

    /** Whether there is a certificate to show. */
    boolean hasIdentity() {
        return identity != null;
    }

    @Override
    public @Nullable String chooseClientAlias(String[] keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
        asked = true;
        return identity == null ? null : identity.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public @Nullable String chooseEngineClientAlias(String[] keyType, Principal @Nullable [] issuers, @Nullable SSLEngine engine) {
        asked = true;
        return identity == null ? null : identity.chooseEngineClientAlias(keyType, issuers, engine);
    }

    @Override
    public String @Nullable [] getClientAliases(String keyType, Principal @Nullable [] issuers) {
        return identity == null ? null : identity.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate @Nullable [] getCertificateChain(String alias) {
        return identity == null ? null : identity.getCertificateChain(alias);
    }

    @Override
    public @Nullable PrivateKey getPrivateKey(String alias) {
        return identity == null ? null : identity.getPrivateKey(alias);
    }

    @Override
    public String @Nullable [] getServerAliases(String keyType, Principal @Nullable [] issuers) {
        return null;
    }

    @Override
    public @Nullable String chooseServerAlias(String keyType, Principal @Nullable [] issuers, @Nullable Socket socket) {
        return null;
    }
}
