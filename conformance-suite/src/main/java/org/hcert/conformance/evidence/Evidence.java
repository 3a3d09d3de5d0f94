package org.hcert.conformance.evidence;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Trace;

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

    /**
     * Show measurement {@code m} of clause {@code clauseId} as a step: its headline as name; the
     * measured value, limit, unit, margin, window and source as parameters; the full evidence as
     * text; and, when {@code signals} are given, their plot (PNG) and a CSV excerpt.
     */
    public void show(String clauseId, Measurement m, List<Trace> signals) {
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        String uuid = UUID.randomUUID().toString();
        Status status = switch (m.verdict()) {
            case PASS -> Status.PASSED;
            case FAIL -> Status.FAILED;
            default -> Status.BROKEN;
        };
        String margin = (m.withinLimit() ? "within by " : "beyond by ") + Quantity.format(Math.abs(m.difference())) + " " + m.unit();
        lifecycle.startStep(uuid, new StepResult().setName(m.headline()).setStatus(status).setParameters(List.of(
                parameter("measured", m.bound().words() + Quantity.format(m.measured())),
                parameter("limit", m.limit().comparison().symbol() + " " + Quantity.format(m.limit().value())),
                parameter("unit", m.unit()),
                parameter("margin", margin),
                parameter("evidence label", m.limit().evidence()),
                parameter("window", m.window().toString()),
                parameter("source", m.source()))));
        attach(m.quantity(), m.describe() + "\n\nLimit: " + m.limit() + "\n");
        if (!signals.isEmpty()) {
            lifecycle.addAttachment("plot: " + m.quantity() + (m.subject().isEmpty() ? "" : " (" + m.subject() + ")"),
                    "image/png", ".png", new ByteArrayInputStream(EvidencePlot.png(clauseId, m, signals)));
            lifecycle.addAttachment("signals (CSV excerpt)", "text/csv", ".csv",
                    new ByteArrayInputStream(EvidencePlot.csv(m, signals).getBytes(StandardCharsets.UTF_8)));
        }
        lifecycle.stopStep(uuid);
    }

    private static Parameter parameter(String name, String value) {
        return new Parameter().setName(name).setValue(value);
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
