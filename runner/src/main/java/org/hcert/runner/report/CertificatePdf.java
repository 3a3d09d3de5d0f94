package org.hcert.runner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.hcert.conformance.quantity.Quantity;

/**
 * The printable certificate: {@code certificate.pdf}, drawn from {@code certificate.json} and
 * nothing else (the JSON is the source of truth; the PDF is its print). Robot, lab, standard and
 * edition, the overall result and the counts, the clause table (verdict and the worst measurement
 * with its limit and evidence label), what the run flagged (contradictions, changed features), and
 * for lookup the certificate's SHA-256, a short code and a QR code of both with the run's id.
 *
 * <p>Text is set in DejaVu Sans when the system has it (Debian's {@code fonts-dejavu-core}), which
 * covers ≤, ≥ and °; otherwise in Helvetica, with those written as {@code <=}, {@code >=} and
 * {@code deg}.
 */
public final class CertificatePdf {

    /** Its name in the report folder. */
    public static final String FILE = "certificate.pdf";

    private static final Path[] SANS = {Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")};
    private static final Path[] SANS_BOLD = {Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")};
    private static final float MARGIN = 42;
    /** The QR code's side, pt: above the table of fields, never over it. */
    private static final float QR_PT = 80;
    private static final Color FAIL = new Color(0xC6, 0x28, 0x28);
    private static final Color INCONCLUSIVE = new Color(0xB2, 0x6A, 0x00);
    private static final Color PASS = new Color(0x2E, 0x7D, 0x32);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);

    private final PDDocument doc;
    private final PDFont regular;
    private final PDFont bold;
    private final boolean unicode;
    private PDPageContentStream page;
    private float y;
    private int pages;
    private final String footer;

    private CertificatePdf(PDDocument doc, String footer) throws IOException {
        this.doc = doc;
        this.footer = footer;
        Path sans = firstExisting(SANS);
        Path sansBold = firstExisting(SANS_BOLD);
        if (sans != null && sansBold != null) {
            regular = PDType0Font.load(doc, sans.toFile());
            bold = PDType0Font.load(doc, sansBold.toFile());
            unicode = true;
        } else {
            regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            unicode = false;
        }
        this.page = newPage();
    }

    /**
     * The PDF of {@code certificate}, whose bytes have SHA-256 {@code certificateSha256}.
     *
     * @throws UncheckedIOException when the PDF cannot be made (a defect: it is made in memory)
     */
    public static byte[] render(JsonNode certificate, String certificateSha256) {
        String runId = certificate.path("runId").asText();
        String code = lookupCode(certificateSha256);
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("hcert certificate " + runId);
            info.setCreator("hcert " + certificate.path("hcertVersion").asText());
            info.setSubject(certificate.at("/robot/model").asText() + " against " + certificate.at("/standard/id").asText());
            CertificatePdf pdf = new CertificatePdf(doc, "hcert certificate · run %s · lookup code %s".formatted(runId, code));
            pdf.draw(certificate, certificateSha256, code);
            pdf.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the printable certificate", e);
        }
    }

    /** The first 16 hex digits of the certificate's SHA-256, in groups of four: enough to look a report up, and to read aloud. */
    public static String lookupCode(String sha256) {
        String head = sha256.substring(0, Math.min(16, sha256.length())).toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < head.length(); i += 4) {
            out.append(i == 0 ? "" : "-").append(head, i, Math.min(head.length(), i + 4));
        }
        return out.toString();
    }

    /** What the QR code says: the run, the certificate's hash, and how to check it. */
    public static String qrText(String runId, String sha256) {
        return "hcert certificate run " + runId + " certificate.json sha256:" + sha256;
    }

    private void draw(JsonNode c, String sha256, String code) throws IOException {
        qr(qrText(c.path("runId").asText(), sha256), PDRectangle.A4.getWidth() - MARGIN - QR_PT, PDRectangle.A4.getHeight() - MARGIN - QR_PT,
                QR_PT);
        boolean certification = c.at("/run/mode").asText().equals("certification");
        text(bold, 16, MARGIN, certification ? "Certificate of conformance testing" : "Development test report: NOT a certification",
                certification ? Color.BLACK : FAIL);
        y -= 20;
        text(regular, 9, MARGIN, "printed from certificate.json, which is the source of truth; check it with hcert verify", GREY);
        y -= 14;
        text(regular, 9, MARGIN, "lookup code " + code, GREY);
        y -= 50;
        JsonNode robot = c.path("robot");
        JsonNode lab = c.path("lab");
        JsonNode standard = c.path("standard");
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Robot", robot.path("manufacturer").asText() + " " + robot.path("model").asText()});
        fields.add(new String[] {"Serial, firmware", robot.path("serial").asText() + ", firmware " + robot.path("firmware").asText()});
        fields.add(new String[] {"Class", robot.path("robotClass").asText()});
        fields.add(new String[] {"Standard", standard.path("id").asText() + ", edition " + standard.path("edition").asText()
                + ": " + standard.path("title").asText()});
        fields.add(new String[] {"Lab", lab.path("name").asText() + " (accreditation: " + lab.path("accreditation").asText() + ")"});
        fields.add(new String[] {"Operator", lab.path("operator").asText() + " (" + lab.path("operatorId").asText() + ")"});
        StringBuilder evidence = new StringBuilder(c.at("/evidence/mode").asText());
        c.at("/evidence/recordings").forEach(r -> evidence.append("; ").append(Path.of(r.path("path").asText()).getFileName())
                .append(" sha256 ").append(r.path("sha256").asText(), 0, Math.min(16, r.path("sha256").asText().length())).append('…'));
        fields.add(new String[] {"Evidence", evidence.toString()});
        fields.add(new String[] {"Issued", c.path("issuedAt").asText() + " by hcert " + c.path("hcertVersion").asText()});
        fields.add(new String[] {"Run", c.path("runId").asText()});
        fields.add(new String[] {"certificate.json", "SHA-256 " + sha256});
        for (String[] f : fields) {
            row(new float[] {MARGIN, MARGIN + 110}, new float[] {105, PDRectangle.A4.getWidth() - 2 * MARGIN - 110},
                    new String[] {f[0], f[1]}, new PDFont[] {bold, regular}, 9, new Color[] {Color.BLACK, Color.BLACK});
        }
        y -= 4;
        paragraph(bold, 9, c.at("/run/statement").asText(), certification ? Color.BLACK : FAIL);
        y -= 8;
        String overall = c.path("overall").asText();
        JsonNode s = c.path("summary");
        text(bold, 18, MARGIN, "Result: " + overall, colour(overall));
        y -= 18;
        text(regular, 10, MARGIN, "%d PASS, %d FAIL, %d INCONCLUSIVE, %d NOT APPLICABLE".formatted(s.path("pass").asInt(),
                s.path("fail").asInt(), s.path("inconclusive").asInt(), s.path("notApplicable").asInt()), Color.BLACK);
        y -= 16;
        for (JsonNode contradiction : c.path("contradictions")) {
            paragraph(regular, 9, "Declaration contradicted: " + contradiction.asText(), FAIL);
        }
        for (JsonNode change : c.path("featureChanges")) {
            paragraph(regular, 9, "Feature file not as bundled: " + change.path("path").asText() + " (" + change.path("change").asText() + ")", FAIL);
        }
        for (JsonNode w : c.path("waivers")) {
            paragraph(regular, 9, "%s for %s (%s, approved by %s%s): %s. Verdict %s: %s.".formatted(
                    w.path("kind").asText().equals("waiver") ? "Waiver" : "Deviation", w.path("clause").asText(),
                    w.path("reference").asText(), w.path("approver").asText(),
                    w.has("expires") ? ", until " + w.path("expires").asText() : "", w.path("reason").asText(),
                    w.path("verdict").asText(), w.path("status").asText()), INCONCLUSIVE);
        }
        y -= 6;
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float[] x = {MARGIN, MARGIN + 78, MARGIN + 152, MARGIN + 222};
        float[] w = {76, 72, 68, width - 222};
        row(x, w, new String[] {"Clause", "Level", "Verdict", "Worst measurement (measured, limit, evidence label) or reason"},
                new PDFont[] {bold, bold, bold, bold}, 8.5f, new Color[] {Color.BLACK, Color.BLACK, Color.BLACK, Color.BLACK});
        for (JsonNode clause : c.path("clauses")) {
            String verdict = clause.path("verdict").asText();
            StringBuilder waived = new StringBuilder();
            for (JsonNode granted : c.path("waivers")) {
                if (granted.path("clause").asText().equals(clause.path("id").asText())) {
                    waived.append(" [").append(granted.path("kind").asText().toUpperCase(java.util.Locale.ROOT)).append(' ')
                            .append(granted.path("reference").asText()).append(": the verdict stands]");
                }
            }
            String evidenceLine = clause.path("title").asText() + " — " + worst(clause) + waived;
            row(x, w, new String[] {clause.path("id").asText(), clause.path("level").asText(), verdict, evidenceLine},
                    new PDFont[] {bold, regular, bold, regular}, 8.5f, new Color[] {Color.BLACK, Color.BLACK, colour(verdict), Color.BLACK});
        }
        y -= 10;
        paragraph(regular, 8, "Evidence labels: C confirmed in the cited source; C2 from a secondary source; K from general knowledge, "
                + "not confirmed; I hcert's proposal; D judged against the robot's own declaration. A K or I limit is not a "
                + "confirmed requirement of the standard.", GREY);
        paragraph(regular, 8, "The report folder's manifest.json lists this file with every other one and their SHA-256; "
                + "manifest.sig signs it with the lab's key. hcert replay re-derives every verdict from the recordings.", GREY);
    }

    private static String worst(JsonNode clause) {
        JsonNode ms = clause.path("measurements");
        String verdict = clause.path("verdict").asText();
        if (ms.isEmpty() || (!verdict.equals("PASS") && !verdict.equals("FAIL"))) {
            String reason = clause.path("reason").asText();
            return ms.isEmpty() ? reason : reason + "; " + measurement(ms.get(0));
        }
        return measurement(ms.get(0)) + (ms.size() > 1 ? " (worst of %d)".formatted(ms.size()) : "");
    }

    private static String measurement(JsonNode m) {
        JsonNode l = m.path("limit");
        String bound = switch (m.path("bound").asText()) {
            case "at-least" -> "≥ ";
            case "at-most" -> "≤ ";
            default -> "";
        };
        String comparison = switch (l.path("comparison").asText()) {
            case "at-most" -> "≤";
            case "at-least" -> "≥";
            case "below" -> "<";
            case "above" -> ">";
            default -> l.path("comparison").asText();
        };
        return "%s%s: %s%s %s (limit %s %s %s, %s)".formatted(m.path("quantity").asText(),
                m.path("subject").asText("").isEmpty() ? "" : " (" + m.path("subject").asText() + ")", bound,
                Quantity.format(m.path("measured").asDouble()), m.path("unit").asText(), comparison, Quantity.format(l.path("value").asDouble()),
                l.path("unit").asText(), l.path("evidence").asText());
    }

    private static Color colour(String verdict) {
        return switch (verdict) {
            case "FAIL", "NON_CONFORMANT" -> FAIL;
            case "PASS", "CONFORMANT" -> PASS;
            default -> INCONCLUSIVE;
        };
    }

    /** One table row: each cell wrapped to its width, the row as tall as its tallest cell; a new page when it does not fit. */
    private void row(float[] x, float[] w, String[] cells, PDFont[] fonts, float size, Color[] colours) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int tallest = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> wrapped = wrap(fonts[i], size, cells[i], w[i]);
            lines.add(wrapped);
            tallest = Math.max(tallest, wrapped.size());
        }
        float lead = size * 1.3f;
        if (y - tallest * lead < MARGIN + 20) {
            page.close();
            page = newPage();
        }
        for (int i = 0; i < cells.length; i++) {
            float at = y;
            for (String line : lines.get(i)) {
                show(fonts[i], size, x[i], at, line, colours[i]);
                at -= lead;
            }
        }
        y -= tallest * lead + 3;
        page.setStrokingColor(new Color(0xDD, 0xDD, 0xDD));
        page.setLineWidth(0.4f);
        page.moveTo(MARGIN, y + lead - 2);
        page.lineTo(PDRectangle.A4.getWidth() - MARGIN, y + lead - 2);
        page.stroke();
    }

    private void paragraph(PDFont font, float size, String s, Color colour) throws IOException {
        for (String line : wrap(font, size, s, PDRectangle.A4.getWidth() - 2 * MARGIN)) {
            if (y < MARGIN + 20) {
                page.close();
                page = newPage();
            }
            show(font, size, MARGIN, y, line, colour);
            y -= size * 1.35f;
        }
    }

    private void text(PDFont font, float size, float x, String s, Color colour) throws IOException {
        show(font, size, x, y, s, colour);
    }

    private void show(PDFont font, float size, float x, float at, String s, Color colour) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(colour);
        page.newLineAtOffset(x, at);
        page.showText(printable(s));
        page.endText();
    }

    /**
     * {@code s} in lines no wider than {@code width}, broken at spaces; a word wider than the column
     * (a hash, a path) is cut. A line's width is the sum of its words' and spaces' (the fonts have no
     * kerning), so each word is measured once.
     */
    private List<String> wrap(PDFont font, float size, String s, float width) throws IOException {
        float scale = size / 1000;
        float space = font.getStringWidth(" ") * scale;
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : printable(s).split(" ", -1)) {
            float wordWidth = font.getStringWidth(word) * scale;
            if (line.length() == 0) {
                line.append(word);
                lineWidth = wordWidth;
            } else if (lineWidth + space + wordWidth > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
                lineWidth = wordWidth;
            } else {
                line.append(' ').append(word);
                lineWidth += space + wordWidth;
            }
            while (lineWidth > width && line.length() > 8) {
                // a word longer than the column: cut it
                int cut = line.length() - 1;
                while (cut > 1 && font.getStringWidth(line.substring(0, cut)) * scale > width) {
                    cut--;
                }
                out.add(line.substring(0, cut));
                line.delete(0, cut);
                lineWidth = font.getStringWidth(line.toString()) * scale;
            }
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** The text the font can show: with Helvetica, ≤ ≥ ° and other non-Latin-1 characters are written out. */
    private String printable(String s) {
        String flat = s.replace('\n', ' ').replace('\t', ' ');
        if (unicode) {
            return flat;
        }
        StringBuilder out = new StringBuilder();
        Map<Character, String> spelled = Map.of('≤', "<=", '≥', ">=", '°', " deg", '—', "-", '…', "...", '·', "*", '×', "x");
        for (int i = 0; i < flat.length(); i++) {
            char ch = flat.charAt(i);
            out.append(spelled.containsKey(ch) ? spelled.get(ch) : ch < 0x7f ? String.valueOf(ch) : "?");
        }
        return out.toString();
    }

    private void qr(String content, float x, float top, float size) throws IOException {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.ERROR_CORRECTION,
                    ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IOException("cannot encode the QR code", e);
        }
        float module = size / m.getWidth();
        page.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    page.addRect(x + col * module, top + size - (row + 1) * module, module, module);
                }
            }
        }
        page.fill();
    }

    private PDPageContentStream newPage() throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        pages++;
        PDPageContentStream s = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN - 14;
        page = s;
        show(regular, 6.5f, MARGIN, 22, footer + " · page " + pages, GREY);
        return s;
    }

    private static @org.jspecify.annotations.Nullable Path firstExisting(Path[] candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
