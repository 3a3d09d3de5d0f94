package org.hcert.conformance.evidence;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Status;
import org.hcert.conformance.verdict.Measurement;

/**
 * Show measurements in the Allure report: a sub-step whose name states measured value, resolved
 * limit, evidence label and source, and a text attachment with the full evidence.
 *
 * <p>Allure is optional at run time: when no Allure test case is running (a unit test, a run
 * without the Allure plugin), nothing is shown or written, and the certificate still carries every
 * measurement. Allure itself would write the attachment file even then, into whatever results
 * folder it was given, so the check is made here.
 */
public final class Evidence {

    private Evidence() {}

    public static void show(Measurement m) {
        if (!inTestCase()) {
            return;
        }
        Allure.step(m.headline(), m.withinLimit() ? Status.PASSED : Status.FAILED);
        Allure.addAttachment(m.quantity(), "text/plain", m.describe() + "\n\nLimit: " + m.limit() + "\n", ".txt");
    }

    /** Attach a plain-text table (e.g. every joint's range) to the running step. */
    public static void table(String title, String text) {
        if (inTestCase()) {
            Allure.addAttachment(title, "text/plain", text, ".txt");
        }
    }

    private static boolean inTestCase() {
        return Allure.getLifecycle().getCurrentTestCase().isPresent();
    }
}
