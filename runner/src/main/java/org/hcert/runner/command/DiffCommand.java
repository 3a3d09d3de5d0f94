package org.hcert.runner.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert diff A B}: compare two certifications, e.g. two firmware versions of one robot. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two reports (folders or certificate.json files) clause by clause: the clauses that",
            "regressed (PASS -> INCONCLUSIVE -> FAIL), were fixed, or whose measured values moved by",
            "more than the tolerance, and the clauses only one of them has. Exit 0 when nothing",
            "regressed, 3 when a clause did.",
            "Example: hcert diff out/fw-1.2 out/fw-1.3 --tolerance 5%"
        })
public final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the earlier report")
    private Path a;

    @Parameters(index = "1", paramLabel = "B", description = "the later report")
    private Path b;

    @Option(names = "--tolerance", paramLabel = "PERCENT", defaultValue = "0%",
            description = "how far a measured value may move, relative to the larger of the two, before it is listed (default ${DEFAULT-VALUE})")
    private String tolerance;

    @Option(names = "--json", description = "print the comparison as JSON")
    private boolean json;

    @Override
    public Integer call() {
        double t = tolerance(tolerance);
        CertificateDiff d = CertificateDiff.of(CertificateDiff.read(a), CertificateDiff.read(b), t, false);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(d.toJson(a.toString(), b.toString(), t).toPrettyString());
        } else {
            out.println("A: " + a);
            out.println("B: " + b);
            d.toLines().forEach(out::println);
        }
        out.flush();
        return d.regressed().isEmpty() ? ExitCodes.OK : ExitCodes.NON_CONFORMANT;
    }

    static double tolerance(String text) {
        String t = text.strip();
        try {
            double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (v >= 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("--tolerance %s: give a share, e.g. 5%% or 0.05".formatted(text));
    }
}
