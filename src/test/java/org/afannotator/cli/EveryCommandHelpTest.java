package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every subcommand's --help is printed cleanly: formatted, no picocli warning about an unescaped '%'. */
class EveryCommandHelpTest {
    @Test
    void everySubcommandPrintsItsHelpWithoutWarnings() {
        var names = MainCommand.commandLine().getSubcommands().keySet();
        assertThat(names).contains("info", "import", "agreement", "compare", "generate");
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String name : names) {
                CliRun r = CliRun.of(name, "--help");
                assertThat(r.exitCode()).as(name).isZero();
                // picocli falls back to the raw text (literal %n) when a description has an unescaped '%'.
                assertThat(r.out()).as(name).contains("Usage: af-annotator " + name).doesNotContain("%n");
                assertThat(r.err()).as(name).isEmpty();
            }
        } finally {
            System.setErr(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
