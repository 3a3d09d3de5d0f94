package org.hcert.runner.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert profile}: the verbs that work on robot profiles. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert profile init --from-recording samples/recordings/catalogue.mcap --out draft-robot.yaml"},
        description = "Work with robot profiles.",
        subcommands = {ProfileInitCommand.class})
public final class ProfileCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: try 'hcert profile init --from-recording FILE'");
    }
}
