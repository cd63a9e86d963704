package org.afannotator.stats.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.afannotator.domain.Quote;
import org.afannotator.domain.Span;
import org.junit.jupiter.api.Test;

class EvidenceOverlapTest {
    private static Span span(long rater, int seg, int start, int end) {
        return new Span(0, "t", rater, seg, start, end, "training_reasoning", "x", "");
    }

    @Test
    void coveredShareCountsCharactersInsideAnySpanOfTheSameSegmentOnce() {
        QuoteMatch q = new QuoteMatch(new Quote(null, "0123456789"), QuoteMatch.Kind.EXACT, 1, 10, 20);
        List<Span> spans = List.of(span(1, 1, 5, 13), span(2, 1, 12, 15), span(1, 1, 18, 30), span(3, 0, 10, 20));
        // [10,13) + [13,15) + [18,20) = 7 of 10; the segment-0 span does not count, the overlap only once
        assertThat(EvidenceOverlap.coveredChars(q, spans)).isEqualTo(7);
        assertThat(EvidenceOverlap.fraction(q, spans).get()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void summaryListsQuotesNotFoundAndAveragesTheFoundOnes() {
        QuoteMatch a = new QuoteMatch(new Quote(null, "aaaa"), QuoteMatch.Kind.EXACT, 0, 0, 4);
        QuoteMatch b = new QuoteMatch(new Quote(null, "bb"), QuoteMatch.Kind.WHITESPACE_INSENSITIVE, 0, 10, 12);
        QuoteMatch c = QuoteMatch.notFound(new Quote(null, "made up"));
        EvidenceOverlap.Summary s = EvidenceOverlap.summarise(List.of(
                new EvidenceOverlap.QuoteEvidence("t1", a, 4),
                new EvidenceOverlap.QuoteEvidence("t1", b, 0),
                new EvidenceOverlap.QuoteEvidence("t2", c, 0)));
        assertThat(s.quotes()).isEqualTo(3);
        assertThat(s.found()).isEqualTo(2);
        assertThat(s.exact()).isEqualTo(1);
        assertThat(s.whitespaceInsensitive()).isEqualTo(1);
        assertThat(s.notFound()).extracting(e -> e.match().quote().text()).containsExactly("made up");
        assertThat(s.meanOverlap().get()).isCloseTo(0.5, within(1e-12));
        assertThat(s.charOverlap().get()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(EvidenceOverlap.summarise(List.of()).meanOverlap().reason()).isEqualTo("the classifier gave no quotes");
    }

    @Test
    void withNoSpanMarkedTheOverlapIsUndefinedNotZero() {
        QuoteMatch a = new QuoteMatch(new Quote(null, "aaaa"), QuoteMatch.Kind.EXACT, 0, 0, 4);
        EvidenceOverlap.Summary s = EvidenceOverlap.summarise(List.of(new EvidenceOverlap.QuoteEvidence("t1", a, 0)), false);
        assertThat(s.found()).isEqualTo(1);
        assertThat(s.meanOverlap().defined()).isFalse();
        assertThat(s.meanOverlap().reason()).isEqualTo(EvidenceOverlap.NO_SPANS);
        assertThat(s.charOverlap().reason()).isEqualTo(EvidenceOverlap.NO_SPANS);
    }
}
