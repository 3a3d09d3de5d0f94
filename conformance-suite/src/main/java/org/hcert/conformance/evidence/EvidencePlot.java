package org.hcert.conformance.evidence;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.hcert.conformance.quantity.Quantity;
import org.hcert.conformance.verdict.Measurement;
import org.hcert.conformance.verdict.Trace;
import org.hcert.conformance.verdict.Verdict;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The picture behind a verdict: the signals a measurement was taken from over its window, one
 * panel per signal on a shared time axis (seconds from the window's start), with the limit drawn
 * where it applies (a level on the signal, or an instant for a time limit), the measured value
 * beside it so the margin or the crossing shows, and the family's own thresholds (the standstill
 * tolerance) dashed. A thinned signal is drawn as the band between each bucket's smallest and
 * largest value, so no peak is hidden. And the same signals as a CSV excerpt.
 */
public final class EvidencePlot {

    private static final int WIDTH_PX = 960;
    private static final int PANEL_HEIGHT_PX = 220;
    private static final Color LIMIT = new Color(0xC6, 0x28, 0x28);
    private static final Color MEASURED = new Color(0x15, 0x65, 0xC0);
    private static final Color THRESHOLD = new Color(0x61, 0x61, 0x61);
    private static final Color SIGNAL = new Color(0x2E, 0x7D, 0x32);

    private EvidencePlot() {}

    /** A PNG of {@code traces} for measurement {@code m} of clause {@code clauseId}. */
    public static byte[] png(String clauseId, Measurement m, List<Trace> traces) {
        System.setProperty("java.awt.headless", "true");
        long originNs = m.window().startNs();
        NumberAxis time = new NumberAxis("time from the window's start at " + Instant.ofEpochSecond(0, originNs) + " (s)");
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(8);
        for (Trace t : traces) {
            combined.add(panel(m, t, originNs), 1);
        }
        JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.BOLD, 13), combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(clauseId + " — " + m.verdict() + ": " + title(m), new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        chart.addSubtitle(new TextTitle(legend(m, traces), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH_PX, 90 + PANEL_HEIGHT_PX * Math.max(1, traces.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the evidence plot of " + clauseId, e);
        }
        return out.toByteArray();
    }

    private static XYPlot panel(Measurement m, Trace t, long originNs) {
        boolean onValue = t.limitOn() == Trace.LimitOn.VALUE && m.limit().unit().dimension().si().symbol().equals(t.unit());
        String unit = onValue ? m.unit() : t.unit();
        YIntervalSeries series = new YIntervalSeries(t.signal());
        for (Trace.Point p : t.points()) {
            double x = (p.tNs() - originNs) / 1e9;
            double lo = onValue ? m.limit().unit().fromSi(p.min()) : p.min();
            double hi = onValue ? m.limit().unit().fromSi(p.max()) : p.max();
            series.add(x, hi, Math.min(lo, hi), Math.max(lo, hi));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(series);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setSeriesPaint(0, SIGNAL);
        renderer.setSeriesFillPaint(0, SIGNAL);
        renderer.setAlpha(0.35f);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f));
        NumberAxis values = new NumberAxis(t.signal() + " (" + unit + ")");
        values.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, null, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
        if (onValue) {
            plot.addRangeMarker(marker(m.limit().value(), LIMIT, false, "limit " + m.limit().comparison().symbol() + " "
                    + m.limit().quantity(), RectangleAnchor.RIGHT, TextAnchor.BOTTOM_RIGHT));
            plot.addRangeMarker(marker(m.measured(), MEASURED, true, "measured " + m.limit().unit().format(m.measured()),
                    RectangleAnchor.LEFT, TextAnchor.BOTTOM_LEFT));
            values.setAutoRangeIncludesZero(false);
            includeInRange(values, m.limit().value(), m.measured());
        } else if (t.limitOn() == Trace.LimitOn.TIME_FROM_START && m.limit().unit().dimension().si().symbol().equals("s")) {
            plot.addDomainMarker(marker(m.limit().valueSi(), LIMIT, false, "limit " + m.limit().comparison().symbol() + " "
                    + m.limit().quantity(), RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT));
            double measuredS = m.limit().unit().toSi(m.measured());
            plot.addDomainMarker(marker(measuredS, MEASURED, true, "measured " + m.bound().words()
                    + m.limit().unit().format(m.measured()), RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT));
            plot.addDomainMarker(marker(0, THRESHOLD, true, "trigger", RectangleAnchor.BOTTOM_RIGHT, TextAnchor.BOTTOM_LEFT));
        }
        t.threshold().ifPresent(th -> {
            // in the unit the signal is drawn in (the limit's, when the limit bounds the signal)
            double at = onValue ? m.limit().unit().fromSi(th.value()) : th.value();
            if (onValue && Math.abs(at - m.limit().value()) <= 1e-9 * Math.max(1, Math.abs(at))) {
                return; // the same level as the limit, drawn and named already
            }
            plot.addRangeMarker(marker(at, THRESHOLD, true, th.label() + " " + Quantity.format(at) + " " + unit, RectangleAnchor.RIGHT,
                    TextAnchor.BOTTOM_RIGHT));
            if (onValue) {
                includeInRange(values, at);
            }
        });
        return plot;
    }

    /** Widen the value axis so that the limit and the measured value are in view. */
    private static void includeInRange(NumberAxis axis, double... values) {
        double lo = axis.getLowerBound();
        double hi = axis.getUpperBound();
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double pad = Math.max(1e-9, (hi - lo) * 0.08);
        axis.setRange(lo - pad, hi + pad);
    }

    private static ValueMarker marker(double at, Color colour, boolean dashed, String label, RectangleAnchor anchor,
            TextAnchor text) {
        ValueMarker marker = new ValueMarker(at, colour, dashed
                ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.2f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelPaint(colour);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(text);
        return marker;
    }

    private static String title(Measurement m) {
        String of = m.subject().isEmpty() ? "" : " (" + m.subject() + ")";
        return m.quantity() + of;
    }

    private static String legend(Measurement m, List<Trace> traces) {
        String margin = m.withinLimit() ? "within by " : "beyond by ";
        String thinned = traces.stream().allMatch(Trace::whole) ? ""
                : "; band: smallest to largest value of each group of samples (%d samples drawn as at most %d points)"
                        .formatted(traces.stream().mapToLong(Trace::samples).max().orElse(0), traces.stream()
                                .mapToInt(t -> t.points().size()).max().orElse(0));
        return "measured %s%s, limit %s %s (%s), %s%s %s; window %s%s".formatted(m.bound().words(),
                m.limit().unit().format(m.measured()), m.limit().comparison().symbol(), m.limit().quantity(),
                m.limit().evidence(), margin, Quantity.format(Math.abs(m.difference())), m.unit(), m.window(),
                m.verdict() == Verdict.INCONCLUSIVE ? "; INCONCLUSIVE: " + m.note() : "") + thinned;
    }

    /** The signals as CSV: per point, seconds from the window's start, the UTC instant, and the bucket's smallest and largest value (SI). */
    public static String csv(Measurement m, List<Trace> traces) {
        StringBuilder out = new StringBuilder("signal,unit,t_from_window_start_s,utc,min,max\n");
        long originNs = m.window().startNs();
        for (Trace t : traces) {
            for (Trace.Point p : t.points()) {
                out.append(csvField(t.signal())).append(',').append(t.unit()).append(',')
                        .append((p.tNs() - originNs) / 1e9).append(',')
                        .append(Instant.ofEpochSecond(0, p.tNs())).append(',')
                        .append(p.min()).append(',').append(p.max()).append('\n');
            }
        }
        return out.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
