package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aProgressLineWhenAskedOnStderrOnlyTheSameBytesEitherWay() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliRun with = CliRun.of("generate", "--progress", "--out", a.toString(), "--transcripts", "5", "--seed", "3");
        CliRun without = CliRun.of("generate", "--out", b.toString(), "--transcripts", "5", "--seed", "3");
        assertThat(with.exitCode()).isZero();
        assertThat(with.err()).matches("(?s)\\rgenerate \\d+%: \\d/5 transcripts, .*\\r *\\r");
        assertThat(without.err()).isEmpty();
        assertThat(with.out().replace(a.toString(), "OUT")).isEqualTo(without.out().replace(b.toString(), "OUT"));
        assertThat(Files.readString(a.resolve("ratings.csv"))).isEqualTo(Files.readString(b.resolve("ratings.csv")));
    }

    @Test
    void printsWhatItWroteAsJson() throws Exception {
        Path out = dir.resolve("corpus");
        CliRun r = CliRun.of("generate", "--out", out.toString(), "--transcripts", "12", "--raters", "4", "--seed", "9");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly(
                "out", "format", "transcripts", "raters", "ratings", "predictions", "faking", "bytes");
        assertThat(j.get("format").asText()).isEqualTo("redwood");
        assertThat(j.get("transcripts").asInt()).isEqualTo(12);
        assertThat(j.get("raters").asInt()).isEqualTo(4);
        assertThat(j.get("ratings").asInt()).isEqualTo(Files.readAllLines(out.resolve("ratings.csv")).size() - 1);
        assertThat(j.get("predictions").asInt()).isEqualTo(24);
        long bytes;
        try (Stream<Path> s = Files.walk(out)) {
            bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(j.get("bytes").asLong()).isEqualTo(bytes);
        try (Stream<Path> s = Files.walk(out.resolve("json_outputs"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(12);
        }
    }

    @Test
    void unknownFormatIsACommandLineError() {
        CliRun r = CliRun.of("generate", "--out", dir.toString(), "--transcripts", "1", "--format", "xml");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("redwood or osaf");
    }
}
