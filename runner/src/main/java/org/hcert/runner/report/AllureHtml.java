package org.hcert.runner.report;

import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.ga.GaPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generate the Allure HTML report in-process with allure-generator, as one self-contained
 * {@code index.html} that opens from disk without a web server.
 *
 * <p>Allure's analytics plugin is left out: a certification report calls no one.
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
        new ReportGenerator(configuration).generateSingleFile(reportDir, List.of(resultsDir));
        return reportDir.resolve("index.html");
    }
}
