package org.hcert.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** hcert's version, as Maven filtered it into {@code version.properties}. */
public final class HcertVersion {

    private HcertVersion() {}

    public static String get() {
        try (InputStream in = HcertVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hcert's version", e);
        }
    }
}
