package org.hcert.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable certificate says what certificate.json says, and its QR code names the run and the hash. */
class CertificatePdfTest {

    private static final String SHA = "8a7f8324f392123d601e4e44931731c17f3db8bba5a839224ccdae60df71bfd0";

    private static JsonNode golden() throws IOException {
        return new ObjectMapper().readTree(Path.of("src/test/resources/golden/catalogue.certificate.json").toFile());
    }

    @Test
    void itPrintsTheRobotTheLabTheResultEveryClauseAndTheLookupCode() throws Exception {
        JsonNode c = golden();
        byte[] pdf = CertificatePdf.render(c, SHA);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("HC-1 virtual humanoid", "HC1-DEMO-0001", "hcert demonstration lab", "Demo Operator",
                    "HEIS-2026, edition 2026", "Result: CONFORMANT", "28 PASS, 0 FAIL, 2 INCONCLUSIVE", "lookup code 8A7F-8324-F392-123D",
                    SHA, c.path("runId").asText());
            c.path("clauses").forEach(clause -> assertThat(text).contains(clause.path("id").asText() + " "));
            assertThat(text).contains("stop time: 455 ms (limit ≤ 600 ms, D)");
            BufferedImage first = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            Files.createDirectories(Path.of("target"));
            ImageIO.write(first, "png", Path.of("target/certificate-pdf-page1.png").toFile());
            // the top right corner, where the code is, with white around it
            int side = first.getWidth() / 4;
            BufferedImage corner = first.getSubimage(first.getWidth() - side, 0, side, side);
            int[] pixels = corner.getRGB(0, 0, side, side, null, 0, side);
            String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels))))
                    .getText();
            assertThat(qr).isEqualTo(CertificatePdf.qrText(c.path("runId").asText(), SHA));
        }
    }

    @Test
    void aFailingClauseAContradictionAndAChangedFeatureArePrinted() throws Exception {
        ObjectNode c = (ObjectNode) golden();
        c.put("overall", "NON_CONFORMANT");
        ObjectNode first = (ObjectNode) c.path("clauses").get(0);
        first.put("verdict", "FAIL");
        ((ObjectNode) first.path("measurements").get(0)).put("measured", 1900.0).put("verdict", "FAIL");
        c.withArray("contradictions").add("the robot reports 22 joints, the profile declares 20");
        c.withArray("featureChanges").addObject().put("path", "features/safety-and-ethics/emergency-stop.feature")
                .put("change", "changed");
        try (PDDocument doc = Loader.loadPDF(CertificatePdf.render(c, SHA))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Result: NON_CONFORMANT", "SE-ESTOP-01 mandatory FAIL", "1900",
                    "Declaration contradicted: the robot reports 22 joints", "Feature file not as bundled: features/safety-and-ethics/emergency-stop.feature");
        }
    }

    @Test
    void longTextIsWrappedInsideThePageAndAWordWiderThanTheColumnIsCutNotLost() throws Exception {
        ObjectNode c = (ObjectNode) golden();
        String longWord = "/srv/lab/recordings/" + "x".repeat(40) + "/" + "0123456789abcdef".repeat(6) + ".mcap";
        String sentence = "the robot reports a joint the profile lacks, ".repeat(12) + "in " + longWord;
        c.withArray("contradictions").add(sentence);
        ((ObjectNode) c.path("clauses").get(0).path("measurements").get(0)).put("subject", "the joint at " + longWord);
        try (PDDocument doc = Loader.loadPDF(CertificatePdf.render(c, SHA))) {
            float[] right = {0};
            float[] left = {Float.MAX_VALUE};
            PDFTextStripper edges = new PDFTextStripper() {
                @Override
                protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                    for (org.apache.pdfbox.text.TextPosition p : positions) {
                        right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj());
                        left[0] = Math.min(left[0], p.getXDirAdj());
                    }
                    super.writeString(text, positions);
                }
            };
            String text = edges.getText(doc).replaceAll("\\s+", "");
            float pageWidth = doc.getPage(0).getMediaBox().getWidth();
            assertThat(right[0]).as("rightmost glyph edge, pt").isLessThanOrEqualTo(pageWidth - 40);
            assertThat(left[0]).as("leftmost glyph, pt").isGreaterThanOrEqualTo(40);
            assertThat(text).contains(sentence.replaceAll("\\s+", ""));
        }
    }

    @Test
    void theLookupCodeIsTheHashsFirstSixteenDigitsInFours() {
        assertThat(CertificatePdf.lookupCode(SHA)).isEqualTo("8A7F-8324-F392-123D");
    }
}
