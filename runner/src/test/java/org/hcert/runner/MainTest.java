package org.hcert.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.hcert.runner.command.CertifyCommand;
import org.hcert.runner.command.KeysCommand;
import org.junit.jupiter.api.Test;

/** The command line gets only the subcommand it names first, and every one where it names none. */
class MainTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Main.subcommandsFor(new String[] {"certify", "--help"})).containsExactly(CertifyCommand.class);
        assertThat(Main.subcommandsFor(new String[] {"keys", "generate"})).containsExactly(KeysCommand.class);
    }

    @Test
    void helpAVersionOrATypoGetsThemAll() {
        assertThat(Main.subcommandsFor(new String[] {})).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.subcommandsFor(new String[] {"--help"})).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.subcommandsFor(new String[] {"help", "certify"})).isEqualTo(Main.SUBCOMMANDS);
        assertThat(Main.subcommandsFor(new String[] {"certfy"})).isEqualTo(Main.SUBCOMMANDS);
    }

    @Test
    void theHelpListsEverySubcommandAndATypoIsAnsweredWithTheRightName() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Main.run(new String[] {"help"}, new PrintWriter(out, true), new PrintWriter(err, true))).isZero();
        assertThat(out.toString()).contains("certify", "verify", "replay", "diff", "keys", "telemetry", "profile", "simulate");

        StringWriter typoOut = new StringWriter();
        StringWriter typoErr = new StringWriter();
        int code = Main.run(new String[] {"certfy"}, new PrintWriter(typoOut, true), new PrintWriter(typoErr, true));
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(typoErr.toString()).contains("certfy").contains("certify");
    }
}
