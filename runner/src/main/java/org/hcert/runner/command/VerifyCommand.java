package org.hcert.runner.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hcert.runner.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert verify DIR --public-key FILE}: check a report folder offline. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check a report folder offline, without trusting the lab: the manifest's Ed25519 signature",
            "against the lab's public key, and every file of the folder against the manifest (each",
            "changed, missing or added file is named). The recordings and profiles the manifest names",
            "are checked where they are found. Exit 0 when the report is whole and unaltered, 5 when not.",
            "Example: hcert verify out/demo --public-key lab-2026.pub.pem"
        })
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the report folder (hcert certify --out)")
    private Path dir;

    @Option(names = "--public-key", required = true, paramLabel = "FILE", description = "the lab's Ed25519 public key (PEM)")
    private Path publicKey;

    @Override
    public Integer call() {
        Manifest.Verification v = Manifest.verify(dir, SigningKeys.readPublic(publicKey));
        PrintWriter out = spec.commandLine().getOut();
        out.println("report:     " + dir);
        out.println("signature:  " + v.signatureNote());
        out.println("files:      %d intact, %d changed, %d missing, %d added".formatted(v.intact(), v.changed().size(),
                v.missing().size(), v.added().size()));
        list(out, "changed", v.changed());
        list(out, "missing", v.missing());
        list(out, "added", v.added());
        list(out, "input changed", v.inputsChanged());
        list(out, "input not here (not checked)", v.inputsUnavailable());
        out.println("verdict:    " + (v.passed() ? "VERIFIED: the report is whole and unaltered" : "NOT VERIFIED"));
        out.flush();
        return v.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    private static void list(PrintWriter out, String what, List<String> names) {
        names.forEach(n -> out.println("  %s: %s".formatted(what, n)));
    }
}
