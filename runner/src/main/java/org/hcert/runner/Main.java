package org.hcert.runner;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:CONFORMANT", "1:internal error", "2:usage or profile error", "3:NON-CONFORMANT",
            "4:INCOMPLETE", "5:verify failed"
        })
public final class Main implements Runnable {

    /**
     * The subcommands, in the order the help lists them. They are added in {@link #run}, not in the
     * annotation: building a command's model reads every option of every class by reflection, and
     * picocli's own classes (Java 5 bytecode) cannot be kept in the class-data archive, so a model
     * costs a few hundred milliseconds of start-up. A command line that names its subcommand first
     * gets that one only; any other (help, a version, a mistyped name) gets them all.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(CertifyCommand.class, VerifyCommand.class, ReplayCommand.class, DiffCommand.class,
            KeysCommand.class, TelemetryCommand.class, ProfileCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class);

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
        for (Class<?> sub : subcommandsFor(args)) {
            cli.addSubcommand(sub);
        }
        versionEverywhere(cli);
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(new ExceptionExitCodeMapper());
        cli.setExecutionExceptionHandler(Main::handle);
        int code;
        try {
            code = cli.execute(args);
        } catch (RuntimeException | LinkageError e) {
            code = internalError(e, err);
        }
        if (out.checkError()) {
            // a full disk or a closed pipe behind stdout: the results printed were lost, which is no success
            err.println("hcert: error: cannot write to standard output (a full disk, or a closed pipe); what was printed is lost");
            err.flush();
            return code == ExitCodes.INTERNAL_ERROR ? code : ExitCodes.USAGE;
        }
        return code;
    }

    /** The subcommands {@code args} may need: the one it names first, or all (help, a version, a typo). */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> sub : SUBCOMMANDS) {
                Command command = sub.getAnnotation(Command.class);
                if (sub != CommandLine.HelpCommand.class && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
                    return List.of(sub);
                }
            }
        }
        return SUBCOMMANDS;
    }

    /** Help text width: wide enough that no URI or path of the help is broken across lines. */
    static final int HELP_WIDTH = 120;

    /** {@code --version} answers on every command, not only on {@code hcert}. */
    private static void versionEverywhere(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) {
                sub.getCommandSpec().versionProvider(new Version());
            }
            versionEverywhere(sub);
        }
    }

    /**
     * A defect in hcert: one line on the console, and the whole trace in a crash log whose path is
     * given, to be sent with the report of the defect.
     */
    static int internalError(Throwable e, PrintWriter err) {
        String where;
        try {
            java.nio.file.Path log = java.nio.file.Files.createTempFile("hcert-crash-", ".log");
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            java.nio.file.Files.writeString(log, "hcert " + HcertVersion.get() + "\n" + trace, StandardCharsets.UTF_8);
            where = "; the details are in " + log;
        } catch (java.io.IOException | RuntimeException noLog) {
            where = "";
        }
        err.println("hcert: internal error, a defect in hcert (please report it%s): %s".formatted(where.isEmpty() ? "" : " with the log",
                e) + where);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (ExceptionExitCodeMapper.environmental(e)) {
            err.println("hcert: error: " + ExceptionExitCodeMapper.describe(e));
        } else if (ExceptionExitCodeMapper.isUserError(e)) {
            err.println("hcert: error: " + e.getMessage());
        } else {
            return internalError(e, err);
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
