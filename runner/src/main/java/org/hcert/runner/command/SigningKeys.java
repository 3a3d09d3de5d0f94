package org.hcert.runner.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hcert.runner.UsageException;

/**
 * A lab's Ed25519 signing keys, with the JDK's own cryptography, as PEM files: the private key as
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), the public key as X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}), as {@code openssl genpkey -algorithm ed25519} writes them.
 */
final class SigningKeys {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private SigningKeys() {}

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN %s-----\n%s\n-----END %s-----\n".formatted(label,
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der), label);
    }

    /** The SHA-256 of the key's SubjectPublicKeyInfo, {@code sha256:hex}: how a report names the key that signed it. */
    static String fingerprint(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Read an Ed25519 private key.
     *
     * @throws UsageException naming the file when it cannot be read or holds no Ed25519 private key
     */
    static PrivateKey readPrivate(Path file) {
        byte[] der = der(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UsageException("%s: not an Ed25519 private key (%s); hcert keys generate writes one".formatted(file, e.getMessage()));
        }
    }

    /**
     * Read an Ed25519 public key.
     *
     * @throws UsageException naming the file when it cannot be read or holds no Ed25519 public key
     */
    static PublicKey readPublic(Path file) {
        byte[] der = der(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new UsageException("%s: not an Ed25519 public key (%s)".formatted(file, e.getMessage()));
        }
    }

    /** The public key of a private one (Ed25519: derived, so that a report can name its signer). */
    static PublicKey publicOf(PrivateKey key, Path file) {
        // the JDK does not derive it; a PKCS#8 v2 file may carry it, hcert's files carry the pair apart
        Path pub = file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.key)?\\.pem$", "") + ".pub.pem");
        if (!Files.isRegularFile(pub)) {
            throw new UsageException(("%s: its public key %s is not beside it; a report names the key that signed it "
                    + "(hcert keys generate writes both)").formatted(file, pub));
        }
        PublicKey p = readPublic(pub);
        byte[] probe = "hcert".getBytes(StandardCharsets.US_ASCII);
        if (!verify(p, probe, sign(key, probe))) {
            throw new UsageException("%s and %s are not one key pair".formatted(file, pub));
        }
        return p;
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] der(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UsageException("cannot read %s: %s".formatted(file, RunFolder.why(e)));
        }
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                try {
                    return Base64.getMimeDecoder().decode(m.group(2));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        throw new UsageException("%s holds no PEM %s; expected -----BEGIN %s-----".formatted(file, label.toLowerCase(java.util.Locale.ROOT), label));
    }
}
