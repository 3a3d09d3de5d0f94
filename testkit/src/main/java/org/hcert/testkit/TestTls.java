package org.hcert.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Throwaway TLS material for tests, made by {@code tls/generate.sh} next to it: a lab CA, a robot
 * certificate for 127.0.0.1 and localhost signed by it, one for another host, a client
 * certificate, a self-signed robot certificate and an unrelated CA. Keys are EC P-256, PKCS#8
 * PEM, valid until 2125. The private keys are public in the repository: test keys only.
 */
public final class TestTls {

    /** The password of {@code robot.p12}: {@value}. */
    public static final String P12_PASSWORD = "hcert-test";

    private static final List<String> FILES = List.of("ca.pem", "other-ca.pem", "robot.pem", "robot.key", "robot.p12",
            "wrong-host.pem", "wrong-host.key", "client.pem", "client.key", "self-signed.pem", "self-signed.key");

    private static @Nullable Path dir;

    private TestTls() {}

    /** A file of the test material, e.g. {@code ca.pem}, copied once per JVM to a temporary folder. */
    public static synchronized Path file(String name) {
        if (!FILES.contains(name)) {
            throw new IllegalArgumentException("no test TLS file %s; there are %s".formatted(name, FILES));
        }
        try {
            if (dir == null) {
                Path d = Files.createTempDirectory("hcert-test-tls");
                for (String f : FILES) {
                    try (InputStream in = Objects.requireNonNull(TestTls.class.getResourceAsStream("tls/" + f), f)) {
                        Files.copy(in, d.resolve(f));
                    }
                }
                dir = d;
                return d.resolve(name);
            }
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the test TLS material: " + e.getMessage(), e);
        }
    }
}
