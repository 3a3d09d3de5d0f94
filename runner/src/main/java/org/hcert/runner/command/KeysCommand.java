package org.hcert.runner.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import org.hcert.runner.ExitCodes;
import org.hcert.runner.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert keys}: a lab's signing keys. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "A lab's Ed25519 keys for signing report manifests and the profiles a certification run trusts.",
        footer = {"%nExamples:", "  ./hcert keys generate --out lab-2026",
            "  ./hcert keys sign profiles/robots/hc1-demo.yaml --key lab-2026.key.pem"},
        subcommands = {KeysCommand.Generate.class, KeysCommand.Sign.class})
public final class KeysCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'hcert keys generate --out lab'");
    }

    /** {@code hcert keys generate --out NAME}: write NAME.key.pem and NAME.pub.pem. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Generate an Ed25519 key pair (the JDK's own cryptography) for signing report manifests:",
                "NAME.key.pem (PKCS#8, readable by its owner only: keep it secret) and NAME.pub.pem",
                "(X.509 SubjectPublicKeyInfo: give it to whoever verifies the lab's reports).",
                "Example: hcert keys generate --out lab-2026 ; hcert certify ... --signing-key lab-2026.key.pem"
            })
    public static final class Generate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "NAME", description = "write NAME.key.pem and NAME.pub.pem")
        private Path out;

        @Override
        public Integer call() {
            Path key = out.resolveSibling(out.getFileName() + ".key.pem");
            Path pub = out.resolveSibling(out.getFileName() + ".pub.pem");
            for (Path p : new Path[] {key, pub}) {
                if (Files.exists(p)) {
                    throw new UsageException("%s exists; hcert never overwrites a key: remove it or choose another NAME".formatted(p));
                }
            }
            KeyPair pair = SigningKeys.generate();
            try {
                Path parent = key.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(key, SigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the file keeps the folder's permissions
                }
                Files.writeString(pub, SigningKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new UsageException("cannot write %s: %s".formatted(key, RunFolder.why(e)));
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("private key: " + key + " (keep it secret)");
            o.println("public key:  " + pub + " (" + SigningKeys.fingerprint(pair.getPublic()) + ")");
            o.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code hcert keys sign FILE… --key NAME.key.pem}: write FILE.sig beside each file. */
    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = {
                "Sign profiles (or any file) with the lab's Ed25519 key: FILE.sig beside each FILE, the base64",
                "signature of its bytes. A run in --mode certification refuses robot, standard and lab profiles",
                "without a valid signature by the key it is given (--profile-key).",
                "Example: hcert keys sign profiles/robots/hc1-demo.yaml profiles/standards/heis-2026.yaml "
                        + "profiles/labs/demo-lab.yaml --key lab-2026.key.pem"
            })
    public static final class Sign implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to sign")
        private java.util.List<Path> files = new java.util.ArrayList<>();

        @Option(names = "--key", required = true, paramLabel = "NAME.key.pem", description = "the lab's private key")
        private Path key;

        @Override
        public Integer call() {
            java.security.PrivateKey k = SigningKeys.readPrivate(key);
            String signer = SigningKeys.fingerprint(SigningKeys.publicOf(k, key));
            PrintWriter o = spec.commandLine().getOut();
            for (Path f : files) {
                byte[] bytes = ProfileSignatures.read(f);
                Path sig = ProfileSignatures.signatureOf(f);
                try {
                    Files.writeString(sig, java.util.Base64.getEncoder().encodeToString(SigningKeys.sign(k, bytes)) + "\n",
                            java.nio.charset.StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new UsageException("cannot write %s: %s".formatted(sig, RunFolder.why(e)));
                }
                o.println("signed: " + f + " -> " + sig + " (by " + signer + ")");
            }
            o.flush();
            return ExitCodes.OK;
        }
    }
}
