package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a reviewer sees it: opened in headless Chromium (Debian's {@code chromium},
 * installed by {@code .ci/run}; skipped only off CI when it is missing), driven over the DevTools
 * protocol. The slow-e-stop sample's report, carrying the history of the same robot's earlier
 * conformant run, lists its clauses, sorts them into categories by cause and by pillar, names the
 * executor and the run's mode, shows the trend over both runs and the failed clause's history, and
 * opens the failure's evidence plot; the screenshots are kept under {@code target/report-browser/}.
 */
class ReportBrowserIT {

    private static final Duration RENDER = Duration.ofSeconds(30);
    private static final Path SHOTS = Path.of("target", "report-browser");

    @TempDir
    Path dir;

    @Test
    void theClauseListTheCategoriesAndAFailuresEvidencePlotRenderInChromium() throws Exception {
        assumeTrue(Chromium.installed() || System.getenv("CI") != null, "Debian's chromium is not installed");
        // the same robot's earlier, conformant run, whose history the report carries on
        Path earlier = dir.resolve("conformant");
        assertThat(CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard", CertifyCommandIT.STANDARD,
                "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/catalogue.mcap", "--out", earlier.toString(),
                "--no-html").exitCode()).isEqualTo(ExitCodes.CONFORMANT);
        Path out = dir.resolve("slow-estop");
        CertifyCommandIT.Run run = CertifyCommandIT.hcert("certify", "--robot", CertifyCommandIT.ROBOT, "--standard",
                CertifyCommandIT.STANDARD, "--lab", CertifyCommandIT.LAB, "--recording", "../samples/recordings/slow-estop.ndjson",
                "--out", out.toString(), "--history", earlier.toString());
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isEqualTo(ExitCodes.NON_CONFORMANT);
        String report = out.resolve("report/index.html").toUri().toString();
        Files.createDirectories(SHOTS);
        try (Chromium browser = Chromium.launch(dir.resolve("chromium-profile"))) {
            browser.open(report + "#");
            browser.await("the overview's executor", "document.body.innerText.includes('hcert demonstration lab')", RENDER);
            browser.await("the trend over both runs", "['#1', '#2'].every(l => Array.from(document.querySelectorAll('svg text'))"
                    + ".some(t => t.textContent.trim() === l))", RENDER);
            assertThat(browser.eval("document.body.innerText").asText()).contains("TREND", "Development run: this is NOT a certification");
            Files.write(SHOTS.resolve("overview.png"), browser.screenshot());

            browser.open(report + "#suites");
            browser.await("the clause list", "document.querySelectorAll('a.node__leaf').length > 0", RENDER);
            List<String> scenarios = texts(browser, "a.node__leaf .node__name");
            long results;
            try (var files = Files.list(out.resolve("allure-results"))) {
                results = files.filter(f -> f.toString().endsWith("-result.json")).count();
            }
            assertThat(scenarios).as("one entry per scenario run").hasSize((int) results)
                    .contains("Standstill within the declared stopping time, drive power removed");
            assertThat(texts(browser, ".node__title.long-line .node__name")).as("the suites, under their pillars")
                    .contains("Safety and ethics", "Basic commonality");

            browser.open(report + "#categories");
            // the suites page's nodes may linger while the categories replace them: wait for a category's own name
            browser.await("the categories", "Array.from(document.querySelectorAll('.tree__content > .node > .node__title .node__name'))"
                    + ".some(n => n.textContent.trim().startsWith('FAIL: '))", RENDER);
            assertThat(texts(browser, ".tree__content > .node > .node__title .node__name")).contains(
                    "FAIL: measured outside the limit", "INCONCLUSIVE: evidence missing, too short or corrupt",
                    "Safety and ethics: FAIL", "Safety and ethics: INCONCLUSIVE");
            Files.write(SHOTS.resolve("categories.png"), browser.screenshot());

            String failure = browser.eval("""
                    Array.from(document.querySelectorAll('.tree__content > .node'))
                      .filter(n => n.querySelector('.node__name').textContent.trim() === 'FAIL: measured outside the limit')
                      .map(n => n.querySelector('a.node__leaf').getAttribute('href'))[0]""").asText();
            browser.open(report + failure);
            browser.await("the failed scenario's steps", "document.querySelectorAll('.step__title').length > 0", RENDER);
            // its history: it passed in the robot's earlier run
            browser.open(report + failure + "history");
            browser.await("the scenario's history", "document.body.innerText.includes('Success rate 50% (1 of 2)')", RENDER);
            Files.write(SHOTS.resolve("history.png"), browser.screenshot());
            browser.open(report + failure);
            browser.await("the failed scenario's steps again", "document.querySelectorAll('.step__title').length > 0", RENDER);
            // the Then-step, then its measurement's sub-step, then the plot among its attachments
            browser.eval("Array.from(document.querySelectorAll('.step__title')).filter(e => e.textContent.includes('\"stopTime\"'))"
                    + ".forEach(e => e.click())");
            browser.await("the measurement's sub-step", "Array.from(document.querySelectorAll('.step__title'))"
                    + ".some(e => e.textContent.includes('stop time: 1900 ms') && e.offsetParent !== null)", RENDER);
            browser.eval("Array.from(document.querySelectorAll('.step__title')).filter(e => e.textContent.includes('stop time: 1900 ms'))"
                    + ".forEach(e => e.click())");
            browser.await("the plot's attachment", "Array.from(document.querySelectorAll('.attachment-row [data-tooltip=\"image/png\"]'))"
                    + ".some(e => e.offsetParent !== null)", RENDER);
            browser.eval("Array.from(document.querySelectorAll('.attachment-row [data-tooltip=\"image/png\"]'))"
                    + ".find(e => e.offsetParent !== null).closest('.attachment-row').click()");
            browser.await("the plot, loaded and shown", "Array.from(document.querySelectorAll('img'))"
                    + ".some(i => i.naturalWidth === 960 && i.offsetParent !== null)", RENDER);
            browser.eval("Array.from(document.querySelectorAll('img')).find(i => i.naturalWidth === 960).scrollIntoView()");
            Files.write(SHOTS.resolve("failure-with-plot.png"), browser.screenshot());
            // and full screen, as a reviewer opens it
            browser.eval("Array.from(document.querySelectorAll('img')).find(i => i.naturalWidth === 960)"
                    + ".closest('.attachment__media-container').click()");
            browser.await("the plot full screen", "document.querySelector('.attachment__media-container_fullscreen img')", RENDER);
            byte[] shot = browser.screenshot();
            Files.write(SHOTS.resolve("failure-plot.png"), shot);
            BufferedImage screen = ImageIO.read(new ByteArrayInputStream(shot));
            assertThat(reddish(screen)).as("the limit line of the plot, on screen").isGreaterThan(200);
        }
    }

    private static List<String> texts(Chromium browser, String selector) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        browser.eval("Array.from(document.querySelectorAll('%s')).map(e => e.textContent.trim())".formatted(selector))
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Pixels of the plot's limit red (#C62828), allowing for the browser's scaling. */
    private static int reddish(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r > 150 && g < 110 && b < 110) {
                    n++;
                }
            }
        }
        return n;
    }
}
