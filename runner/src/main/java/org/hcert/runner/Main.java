package org.hcert.runner;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.hcert.runner.command.CertifyCommand;
import org.hcert.runner.command.DiffCommand;
import org.hcert.runner.command.KeysCommand;
import org.hcert.runner.command.ReplayCommand;
import org.hcert.runner.command.ProfileCommand;
import org.hcert.runner.command.SimulateCommand;
import org.hcert.runner.command.TelemetryCommand;
import org.hcert.runner.command.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcert} command: one subcommand per verb. */
@Command(
        name = "hcert",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Conformance and certification harness for humanoid robots.",
        subcommands = {CertifyCommand.class, VerifyCommand.class, ReplayCommand.class, DiffCommand.class, KeysCommand.class, TelemetryCommand.class, ProfileCommand.class,
            SimulateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:CONFORMANT", "1:internal error", "2:usage or profile error", "3:NON-CONFORMANT",
            "4:INCOMPLETE", "5:verify failed"
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new InputStreamReader(System.in, StandardCharsets.UTF_8),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Run the command line with the given streams and return the exit code, without exiting. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, Reader.nullReader(), out, err);
    }

    /** Run with {@code in} as the operator's console input; return the exit code without exiting. */
    public static int run(String[] args, Reader in, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == CertifyCommand.class ? type.cast(new CertifyCommand(in)) : defaults.create(type);
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(new ExceptionExitCodeMapper());
        cli.setExecutionExceptionHandler(Main::handle);
        try {
            return cli.execute(args);
        } catch (RuntimeException | LinkageError e) {
            err.println("hcert: internal error (please report it): " + e);
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (ExceptionExitCodeMapper.isUserError(e)) {
            err.println("hcert: error: " + e.getMessage());
        } else {
            err.println("hcert: internal error (please report it): " + e);
            StackTraceElement[] trace = e.getStackTrace();
            if (trace.length > 0) {
                err.println("  at " + trace[0]);
            }
        }
        return cli.getExitCodeExceptionMapper().getExitCode(e);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'hcert certify --help'");
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hcert " + HcertVersion.get()};
        }
    }
}
