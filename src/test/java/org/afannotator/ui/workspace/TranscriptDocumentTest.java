package org.afannotator.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.afannotator.app.ShownSegment;
import org.afannotator.app.ShownText;
import org.afannotator.domain.SegmentKind;
import org.afannotator.ui.FxTestSupport;
import org.fxmisc.richtext.model.StyledDocument;
import org.junit.jupiter.api.Test;

/** The transcript laid out ahead of time: what it holds, and when it is rebuilt. */
class TranscriptDocumentTest {
    static final String REQUEST = "<INPUT>\n<is_free_tier_user>True</is_free_tier_user>\nPick a lock.\n</INPUT>";
    static final String PAD = "First line of reasoning.\n\nSecond line, longer, with more to say.";
    static final String OUT = "The answer.";
    static final Map<String, Integer> SLOTS = Map.of("a", 0, "b", 4);

    static List<ShownSegment> blocks() {
        return List.of(new ShownSegment(0, SegmentKind.USER_INPUT, ShownText.masked(REQUEST)),
                new ShownSegment(1, SegmentKind.SCRATCHPAD, ShownText.plain(PAD)),
                new ShownSegment(2, SegmentKind.OUTPUT, ShownText.plain(OUT)));
    }

    static List<String> dump(StyledDocument<Collection<String>, String, Collection<String>> doc) {
        return FxTestSupport.paragraphs(doc);
    }

    static Collection<String> styleAt(TranscriptDocument d, int ordinal, int offset) {
        return d.document().getStyleOfChar(d.starts().get(ordinal) + offset);
    }

    @Test
    void eachBlockSitsUnderItsHeadingWithItsShownTextAtItsStart() {
        TranscriptDocument d = TranscriptDocument.build(blocks(), List.of(), SLOTS);
        String text = d.document().getText();
        assertThat(text).startsWith(TranscriptView.OPEN + "User request\n").contains("\nScratchpad\n").contains("\nFinal output\n");
        for (ShownSegment s : blocks()) {
            int start = d.starts().get(s.ordinal());
            assertThat(text.substring(start, start + s.text().shown().length())).isEqualTo(s.text().shown());
        }
        // Blinded: the tier value is masked in the document, never present.
        assertThat(text).contains(ShownText.MASK).doesNotContain("True</is_free");
        // Paragraph indices: the request's heading is paragraph 0, its last line paragraph 4.
        assertThat(d.paragraphs().get(0)).containsExactly(0, 4);
        assertThat(d.document().getParagraphs().get(2).getText()).isEqualTo("<is_free_tier_user>" + ShownText.MASK + "</is_free_tier_user>");
    }

    @Test
    void spansAndMasksAreDrawnInTheDocument() {
        int second = PAD.indexOf("Second");
        TranscriptDocument d = TranscriptDocument.build(blocks(),
                List.of(new ShownSpan(1, 1, 0, 5, "a", ""), new ShownSpan(2, 1, second, second + 6, "b", "")), SLOTS);
        assertThat(styleAt(d, 1, 0)).containsExactly("span-0");
        assertThat(styleAt(d, 1, 5)).isEmpty();
        assertThat(styleAt(d, 1, second + 2)).containsExactly("span-4");
        int mask = ShownText.masked(REQUEST).shown().indexOf(ShownText.MASK);
        assertThat(styleAt(d, 0, mask)).containsExactly("masked");
    }

    @Test
    void aDocumentMatchesOnlyTheTextSpansAndColoursItWasBuiltFrom() {
        List<ShownSpan> spans = List.of(new ShownSpan(1, 1, 0, 5, "a", ""));
        TranscriptDocument d = TranscriptDocument.build(blocks(), spans, SLOTS);
        // The same content in other instances (as read again from the project) matches.
        assertThat(d.matches(blocks(), List.of(new ShownSpan(1, 1, 0, 5, "a", "")), Map.of("b", 4, "a", 0))).isTrue();
        assertThat(d.matches(blocks(), List.of(), SLOTS)).as("span deleted").isFalse();
        assertThat(d.matches(blocks(), List.of(spans.get(0), new ShownSpan(2, 1, 6, 9, "b", "")), SLOTS)).as("span added").isFalse();
        assertThat(d.matches(blocks(), List.of(new ShownSpan(1, 1, 0, 7, "a", "")), SLOTS)).as("span moved").isFalse();
        assertThat(d.matches(blocks(), List.of(new ShownSpan(1, 1, 0, 5, "b", "")), SLOTS)).as("span retagged").isFalse();
        assertThat(d.matches(blocks(), spans, Map.of("a", 1, "b", 4))).as("other colours").isFalse();
        List<ShownSegment> unmasked = new ArrayList<>(blocks());
        unmasked.set(0, new ShownSegment(0, SegmentKind.USER_INPUT, ShownText.plain(REQUEST)));
        assertThat(d.matches(unmasked, spans, SLOTS)).as("blinding turned off").isFalse();
        assertThat(d.matches(blocks().subList(0, 2), spans, SLOTS)).as("a block fewer").isFalse();
    }

    @Test
    void aStaleDocumentIsRebuiltAndAMatchingOneKept() {
        List<ShownSpan> before = List.of(new ShownSpan(1, 1, 0, 5, "a", ""));
        TranscriptDocument prepared = TranscriptDocument.build(blocks(), before, SLOTS);
        assertThat(TranscriptDocument.reuseOrBuild(prepared, blocks(), before, SLOTS)).isSameAs(prepared);

        // A span added after the document was prepared: the rebuilt one draws it, as a fresh build does.
        List<ShownSpan> after = List.of(before.get(0), new ShownSpan(2, 2, 4, 10, "b", ""));
        TranscriptDocument shown = TranscriptDocument.reuseOrBuild(prepared, blocks(), after, SLOTS);
        assertThat(shown).isNotSameAs(prepared);
        assertThat(shown.spans()).isEqualTo(after);
        assertThat(styleAt(shown, 2, 4)).containsExactly("span-4");
        assertThat(dump(shown.document())).isEqualTo(dump(TranscriptDocument.build(blocks(), after, SLOTS).document()))
                .isNotEqualTo(dump(prepared.document()));
        assertThat(TranscriptDocument.reuseOrBuild(null, blocks(), after, SLOTS).spans()).isEqualTo(after);
    }

    @Test
    void aDocumentBuiltOnAnotherThreadIsTheSameAsOneBuiltHere() throws Exception {
        List<ShownSpan> spans = List.of(new ShownSpan(1, 1, 0, 30, "a", ""), new ShownSpan(2, 1, 10, 12, "b", ""));
        TranscriptDocument there = CompletableFuture.supplyAsync(() -> TranscriptDocument.build(blocks(), spans, SLOTS)).get();
        TranscriptDocument here = TranscriptDocument.build(blocks(), spans, SLOTS);
        assertThat(dump(there.document())).isEqualTo(dump(here.document()));
        assertThat(dump(here.document())).contains(
                "segment-box-scratchpad | First line of reasoning. | 10:span-0 2:span-4,overlap 12:span-0",
                "segment-box-scratchpad | Second line, longer, with more to say. | 4:span-0 34:");
        assertThat(there.starts()).isEqualTo(here.starts());
    }
}
