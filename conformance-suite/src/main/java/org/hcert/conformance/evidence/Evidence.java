package org.hcert.conformance.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import java.nio.charset.StandardCharsets;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Units;

/**
 * Show measurements in the Allure report: a sub-step whose name states measured value, resolved
 * limit, evidence label and source, and a text attachment with the full evidence.
 *
 * <p>Allure is optional at run time: when no Allure lifecycle is running a test case, Allure
 * ignores these calls, and the certificate still carries every measurement.
 */
public final class Evidence {

    private Evidence() {}

    public static void show(Measurement m) {
        String name = "%s = %s %s (limit %s %s %s, %s) → %s".formatted(
                m.quantity(), Units.format(m.measured()), m.unit(),
                m.limit().comparison().symbol(), Units.format(m.limit().value()), m.unit(),
                m.limit().evidence(), m.withinLimit() ? "within limit" : "OUTSIDE LIMIT");
        Allure.step(name, m.withinLimit() ? Status.PASSED : Status.FAILED);
        Allure.addAttachment(m.quantity(), "text/plain", m.describe() + "\n\nLimit: " + m.limit() + "\n", ".txt");
    }

    /** Attach a plain-text table (e.g. every joint's range) to the running step. */
    public static void table(String title, String text) {
        Allure.addAttachment(title, "text/plain", new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8), ".txt");
    }
}
