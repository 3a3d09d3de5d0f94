package org.hcert.runner.command;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hcert telemetry}: the verbs that work on recordings. */
@Command(
        name = "telemetry",
        mixinStandardHelpOptions = true,
        footer = {"%nExamples:", "  ./hcert telemetry inspect samples/recordings/catalogue.mcap", "  ./hcert telemetry convert samples/recordings/conformant.ndjson out/conformant.mcap"},
        description = "Inspect and convert recordings (NDJSON, CSV, MCAP; rosbag2 .db3 read only).",
        subcommands = {InspectCommand.class, ConvertCommand.class})
public final class TelemetryCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'hcert telemetry inspect FILE'");
    }
}
