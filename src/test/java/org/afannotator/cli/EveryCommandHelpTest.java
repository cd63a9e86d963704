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

    /**
     * The descriptions and footers are written as lines of at most the help width; printed at a
     * narrower width, picocli would break each of them again (a word or two on a line of its own).
     */
    @Test
    void everyLineOfADescriptionOrFooterIsPrintedWhole() {
        for (var e : MainCommand.commandLine().getSubcommands().entrySet()) {
            var usage = e.getValue().getCommandSpec().usageMessage();
            String help = CliRun.of(e.getKey(), "--help").out().replace("\r", "");
            java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(usage.description()));
            lines.addAll(java.util.List.of(usage.footer()));
            for (String given : lines) {
                for (String line : String.format(given).split("\\R")) {
                    if (!line.isBlank()) {
                        assertThat(help).as("%s --help", e.getKey()).contains(line.stripTrailing());
                    }
                }
            }
        }
    }
}
