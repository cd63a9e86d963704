package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each command takes exactly the --format values it prints, its help names them, and a refused
 * value is a usage error listing them (info, assign and import took csv and printed text, and
 * their error for xml offered csv).
 */
class FormatOptionTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} --format {1}")
    @CsvSource({
        "info, csv, 'text, json'",
        "info, xml, 'text, json'",
        "assign, csv, 'text, json'",
        "import, csv, 'text, json'",
        "agreement, xml, 'text, json, csv'",
        "compare, text, 'json, csv'",
        "compare, xml, 'json, csv'"})
    void aFormatTheCommandDoesNotPrintIsAUsageErrorListingTheOnesItDoes(String command, String format, String accepted) {
        Path p = dir.resolve("p.afproj");
        List<String> args = new ArrayList<>(List.of(command, "--format", format));
        switch (command) {
            case "import" -> args.addAll(List.of("--project", p.toString(), dir.resolve("in.csv").toString()));
            case "agreement" -> args.addAll(List.of("--ratings", dir.resolve("r.csv").toString()));
            case "compare" -> args.addAll(List.of("--ratings", dir.resolve("r.csv").toString(), "--predictions",
                    dir.resolve("p.csv").toString()));
            default -> args.addAll(List.of("--project", p.toString()));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--format").contains("expected one of [" + accepted + "] but was '" + format + "'");
        assertThat(r.out()).isEmpty();
        assertThat(CliRun.of(command, "--help").out()).contains("--format=F").containsPattern(
                "--format=F\\s+" + accepted.replace(", ", ", ") + " \\(default: ");
    }
}
