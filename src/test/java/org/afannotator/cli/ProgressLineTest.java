package org.afannotator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.afannotator.ingest.ImportProgress;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter sw = new StringWriter();
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final ProgressLine line = ProgressLine.open(new PrintWriter(sw), now::get);

    @Test
    void redrawsInPlaceAtMostEveryIntervalAndPadsOverLongerText() {
        line.update("import 1%: long text");
        now.addAndGet(ProgressLine.INTERVAL_NANOS - 1);
        line.update("import 2%: too soon");
        now.addAndGet(1);
        line.update("import 3%: short");
        assertThat(sw.toString()).isEqualTo("\rimport 1%: long text" + "\rimport 3%: short    ");
        line.close();
        assertThat(sw.toString()).endsWith("\rimport 3%: short    " + "\r" + " ".repeat(16) + "\r");
        now.addAndGet(ProgressLine.INTERVAL_NANOS);
        line.update("import 4%: after the end");
        assertThat(sw.toString()).doesNotContain("4%");
    }

    @Test
    void aMessageGoesAboveTheLineWhichIsThenRedrawn() {
        line.update("import 5%");
        ProgressLine.println("af-annotator: busy, retrying", System.err);
        assertThat(sw.toString()).isEqualTo("\rimport 5%" + "\r         \r" + "af-annotator: busy, retrying"
                + System.lineSeparator() + "\rimport 5%");
        line.close();
    }

    @Test
    void generateTextCountsTranscripts() {
        assertThat(GenerateCommand.progressText(37_000, 100_000, 14_000_000_000L))
                .isEqualTo("generate 37%: 37,000/100,000 transcripts, 14 s, about 24 s left");
        assertThat(GenerateCommand.progressText(0, 0, 0)).isEqualTo("generate 100%: 0/0 transcripts, 0 s");
        line.close();
    }

    /** Regression: a line wider than the terminal wrapped, and each redraw left a row behind. */
    @Test
    void aLineWiderThanTheTerminalIsCutToFit() {
        String wide = "import 99%: " + "x".repeat(200);
        line.update(wide);
        String drawn = sw.toString().substring(1);
        assertThat(drawn).hasSize(ProgressLine.width()).endsWith("\u2026").startsWith("import 99%: x");
        // The longest real line fits in 79 columns.
        ImportProgress most = new ImportProgress("a.json", 999_999_000_000L, 1_000_000_000_000L, 99_999_999, 99_999_998, 99_999_999);
        assertThat(ImportCommand.progressText(most, 3_599_000_000_000L)).hasSizeLessThanOrEqualTo(79);
        line.close();
    }

    @Test
    void durationsReadAsSecondsMinutesAndHours() {
        assertThat(ProgressLine.duration(0)).isEqualTo("0 s");
        assertThat(ProgressLine.duration(12_400_000_000L)).isEqualTo("12 s");
        assertThat(ProgressLine.duration(59_600_000_000L)).isEqualTo("1 min 00 s");
        assertThat(ProgressLine.duration(125_000_000_000L)).isEqualTo("2 min 05 s");
        assertThat(ProgressLine.duration(3_720_000_000_000L)).isEqualTo("1 h 02 min");
        line.close();
    }

    @Test
    void importTextGivesPercentOfBytesCountsAndTheTimeLeftFromTheBytes() {
        ImportProgress p = new ImportProgress("a.json", 566_000_000L, 1_530_000_000L, 37_012, 37_012, 100_002);
        // 566 of 1,530 MB is 36.99%; after 12 s the rest takes 12 * (1 - f) / f = 20.4 s.
        assertThat(ImportCommand.progressText(p, 12_000_000_000L))
                .isEqualTo("import 36%: 37,012/100,002 files, 566/1,530 MB, 12 s, about 20 s left");
        ImportProgress first = new ImportProgress("a.json", 1_000, 2_000_000, 1, 0, 1);
        assertThat(ImportCommand.progressText(first, 500_000_000L))
                .as("no estimate before a second and 1% have passed")
                .isEqualTo("import 0%: 0/1 files, 0/2 MB, 1 s");
        ImportProgress nearly = new ImportProgress("a.json", 1_980_000, 2_000_000, 9, 0, 1);
        assertThat(ImportCommand.progressText(nearly, 3_000_000_000L)).as("0.03 s left: no estimate")
                .isEqualTo("import 99%: 0/1 files, 2/2 MB, 3 s");
        ImportProgress done = new ImportProgress("a.json", 2_000_000, 2_000_000, 10, 1, 1);
        assertThat(ImportCommand.progressText(done, 3_000_000_000L)).isEqualTo("import 100%: 1/1 files, 2/2 MB, 3 s");
        line.close();
    }
}
