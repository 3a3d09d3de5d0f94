package org.hcert.conformance.evidence;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hcert.conformance.verdict.Measurement;

/**
 * Show measurements in a run's Allure report: a sub-step whose name states measured value,
 * resolved limit, evidence label and what it proves, and a text attachment with the full evidence.
 *
 * <p>Allure is optional: when the run writes no report, or no Allure test case is running (a unit
 * test), nothing is shown or written, and the certificate still carries every measurement.
 */
public final class Evidence {

    private final AllureLifecycle lifecycle;

    public Evidence(AllureLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void show(Measurement m) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        String uuid = UUID.randomUUID().toString();
        Status status = switch (m.verdict()) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            default -> Status.BROKEN;
        };
        lifecycle.startStep(uuid, new StepResult().setName(m.headline()).setStatus(status));
        attach(m.quantity(), m.describe() + "\n\nLimit: " + m.limit() + "\n");
        lifecycle.stopStep(uuid);
    }

    /** Say in the report why a window gave no value (INCONCLUSIVE). */
    public void problem(String reason) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        String uuid = UUID.randomUUID().toString();
        lifecycle.startStep(uuid, new StepResult().setName("INCONCLUSIVE: " + reason).setStatus(Status.BROKEN));
        lifecycle.stopStep(uuid);
    }

    /** Attach a plain-text table (e.g. every joint's range) to the running step. */
    public void table(String title, String text) {
        if (lifecycle.getCurrentTestCase().isPresent()) {
            attach(title, text);
        }
    }

    private void attach(String title, String text) {
        lifecycle.addAttachment(title, "text/plain", ".txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
