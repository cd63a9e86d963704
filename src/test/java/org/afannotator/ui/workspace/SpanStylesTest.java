package org.afannotator.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.afannotator.app.ShownText.Range;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class SpanStylesTest {
    static List<String> runs(StyleSpans<Collection<String>> spans) {
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> s : spans) {
            out.add(s.getLength() + ":" + String.join(",", s.getStyle()));
        }
        return out;
    }

    @Test
    void overlappingSpansGiveOneRunPerPieceInTheInnermostColourWithAnOverlapMark() {
        List<ShownSpan> spans = List.of(new ShownSpan(1, 0, 2, 6, "a", ""), new ShownSpan(2, 0, 4, 11, "b", ""));
        StyleSpans<Collection<String>> s = SpanStyles.compute(12, spans, Map.of("a", 0, "b", 1), -1, List.of());
        assertThat(runs(s)).containsExactly("2:", "2:span-0", "2:span-0,overlap", "5:span-1", "1:");
        assertThat(s.length()).isEqualTo(12);
    }

    @Test
    void aSpanInsideAnotherKeepsItsOwnColour() {
        List<ShownSpan> spans = List.of(new ShownSpan(1, 0, 0, 10, "outer", ""), new ShownSpan(2, 0, 3, 5, "inner", ""));
        StyleSpans<Collection<String>> s = SpanStyles.compute(10, spans, Map.of("outer", 3, "inner", 2), -1, List.of());
        assertThat(runs(s)).containsExactly("3:span-3", "2:span-2,overlap", "5:span-3");
    }

    @Test
    void theSelectedSpanAndMasksAreMarked() {
        List<ShownSpan> spans = List.of(new ShownSpan(7, 0, 0, 3, "a", ""));
        StyleSpans<Collection<String>> s = SpanStyles.compute(5, spans, Map.of("a", 2), 7, List.of(new Range(3, 5)));
        assertThat(runs(s)).containsExactly("3:span-2,span-selected", "2:masked");
    }

    @Test
    void anEmptyTextHasOneEmptyRun() {
        assertThat(SpanStyles.compute(0, List.of(), Map.of(), -1, List.of()).length()).isZero();
    }

    @Test
    void emojiWithTheirJoinersAndSelectorsAreRunsApart() {
        String text = "a\uD83D\uDC68\u200D\uD83D\uDC69 b \u2714\uFE0F c \uD83C\uDDFA\uD83C\uDDE6";
        assertThat(SpanStyles.apartRuns(text)).containsExactly(new Range(1, 6), new Range(9, 11), new Range(14, 18));
        assertThat(SpanStyles.apartRuns("plain text, \u00e9, \u4e2d\u6587, \u0639\u0631\u0628\u064a")).isEmpty();
        // A joiner between letters shapes them (Sinhala "shri"): it stays in the text.
        assertThat(SpanStyles.apartRuns("\u0DC1\u0DCA\u200D\u0DBB\u0DD3")).isEmpty();
        // Heart + joiner + fire: one run from the heart; a skin tone takes its hand along.
        assertThat(SpanStyles.apartRuns("x \u2764\u200D\uD83D\uDD25 y")).containsExactly(new Range(2, 6));
        assertThat(SpanStyles.apartRuns("ok \u270C\uD83C\uDFFD!")).containsExactly(new Range(3, 6));
        assertThat(SpanStyles.apartRuns("\uD83D\uDE00")).containsExactly(new Range(0, 2));
        StyleSpans<Collection<String>> s = SpanStyles.compute(text.length(), List.of(), Map.of(), -1, List.of(),
                SpanStyles.apartRuns(text));
        assertThat(s.getStyleSpan(0).getStyle()).isEmpty();
        assertThat(s.getStyleSpan(1).getStyle()).containsExactly(SpanStyles.APART);
        assertThat(s.getStyleSpan(1).getLength()).isEqualTo(5);
        assertThat(s.getStyleSpan(2).getStyle()).isEmpty();
    }
}
