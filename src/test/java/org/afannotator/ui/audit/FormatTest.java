package org.afannotator.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.afannotator.domain.Quote;
import org.afannotator.stats.classifier.EvidenceOverlap;
import org.afannotator.stats.classifier.QuoteMatch;
import org.junit.jupiter.api.Test;

/** The audit dashboard's evidence line: the overlap, or "undefined" with why (it printed 0.000 with no span marked). */
class FormatTest {
    static final List<EvidenceOverlap.QuoteEvidence> QUOTES = List.of(new EvidenceOverlap.QuoteEvidence("t1",
            new QuoteMatch(new Quote(null, "aaaa"), QuoteMatch.Kind.EXACT, 0, 0, 4), 1));

    @Test
    void overlapWithSpansMarkedIsTheMeanAndTheCharacterShare() {
        assertThat(Format.overlap(EvidenceOverlap.summarise(QUOTES, true))).isEqualTo(
                "Share of quoted text that raters also highlighted: mean per quote 0.250, over all quoted characters 0.250");
    }

    @Test
    void overlapWithNoSpanMarkedIsUndefinedWithTheReason() {
        assertThat(Format.overlap(EvidenceOverlap.summarise(QUOTES, false))).isEqualTo(
                "Share of quoted text that raters also highlighted: undefined (" + EvidenceOverlap.NO_SPANS + ")");
    }
}
