package org.hcert.runner.report;

import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.ga.GaPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generate the Allure HTML report in-process with allure-generator, as one self-contained
 * {@code index.html} that opens from disk without a web server.
 *
 * <p>Allure's analytics plugin and the page's analytics script are left out: a certification
 * report calls no one.
 */
public final class AllureHtml {

    private AllureHtml() {}

    public static Path generate(Path resultsDir, Path reportDir, String reportName) {
        List<Extension> extensions = ConfigurationBuilder.bundled().build().getExtensions().stream()
                .filter(e -> !(e instanceof GaPlugin))
                .toList();
        Configuration configuration = ConfigurationBuilder.empty()
                .withExtensions(extensions)
                .withReportName(reportName)
                .build();
        try {
            AllureResults.deleteRecursively(reportDir);
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + reportDir, e);
        }
        try {
            new ReportGenerator(configuration).generateSingleFile(reportDir, List.of(resultsDir));
        } catch (io.qameta.allure.ReportGenerationException e) {
            // a write the disk refused (full, a quota, a size limit) is the machine's answer, not a defect
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw new UncheckedIOException("cannot write the HTML report in " + reportDir,
                            new java.nio.file.FileSystemException(reportDir.toString(), null, String.valueOf(io.getMessage())));
                }
            }
            throw e;
        }
        Path index = reportDir.resolve("index.html");
        try {
            Files.writeString(index, withoutAnalytics(Files.readString(index, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + index, e);
        }
        return index;
    }

    /**
     * Remove Allure's Google Analytics loader and its gtag block from the page; the template adds
     * them unless the environment says ALLURE_NO_ANALYTICS, which a JVM cannot set for itself.
     */
    static String withoutAnalytics(String html) {
        return GTAG_BLOCK.matcher(GTAG_LOADER.matcher(html).replaceAll("")).replaceAll("");
    }

    private static final Pattern GTAG_LOADER =
            Pattern.compile("\\s*<script[^>]*src=\"https://www\\.googletagmanager\\.com/[^\"]*\"[^>]*></script>");
    private static final Pattern GTAG_BLOCK =
            Pattern.compile("\\s*<script>\\s*window\\.dataLayer[^<]*gtag\\('config'[^<]*</script>");
}
