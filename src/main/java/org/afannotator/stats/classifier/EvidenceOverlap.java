package org.afannotator.stats.classifier;

import java.util.ArrayList;
import java.util.List;
import org.afannotator.domain.Span;

/**
 * How much of the text a classifier quoted people also highlighted: for a located quote, the share
 * of its characters (UTF-16 units of {@code [start, end)}) that lie inside at least one human span
 * of the same segment, whichever rater drew it.
 */
public final class EvidenceOverlap {
    private EvidenceOverlap() {
    }

    /** Characters of the quote covered by some span; 0 for a quote that was not found. */
    public static int coveredChars(QuoteMatch match, List<Span> humanSpans) {
        if (!match.found()) {
            return 0;
        }
        boolean[] covered = new boolean[match.length()];
        for (Span s : humanSpans) {
            if (s.segmentOrdinal() != match.segmentOrdinal()) {
                continue;
            }
            int from = Math.max(s.start(), match.start());
            int to = Math.min(s.end(), match.end());
            for (int i = from; i < to; i++) {
                covered[i - match.start()] = true;
            }
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return n;
    }

    /** Covered share of the quote, undefined for a quote that was not found. */
    public static Metric fraction(QuoteMatch match, List<Span> humanSpans) {
        if (!match.found()) {
            return Metric.undefined("quote not found in the transcript");
        }
        return Metric.of((double) coveredChars(match, humanSpans) / match.length());
    }

    /** One quote with its place and overlap, for lists and the browser. */
    public record QuoteEvidence(String item, QuoteMatch match, int coveredChars) {
        public Metric overlap() {
            return match.found() ? Metric.of((double) coveredChars / match.length())
                    : Metric.undefined("quote not found in the transcript");
        }
    }

    /**
     * Totals over many quotes: how many were found (and how), which were not, the mean overlap of
     * found quotes and the covered share of all found quoted characters.
     */
    public record Summary(int quotes, int exact, int whitespaceInsensitive, int caseInsensitive,
                          List<QuoteEvidence> notFound, Metric meanOverlap, Metric charOverlap) {
        public int found() {
            return exact + whitespaceInsensitive + caseInsensitive;
        }
    }

    /** Why the overlap is undefined when no rater marked any span: 0 would read as raters highlighting other text. */
    public static final String NO_SPANS = "no rater marked a span in the project: there is no human evidence to overlap";

    /** {@link #summarise(List, boolean)} where raters marked spans. */
    public static Summary summarise(List<QuoteEvidence> all) {
        return summarise(all, true);
    }

    /**
     * Totals over {@code all}; {@code spansMarked} false when no rater marked any span in the
     * project, which leaves both overlaps undefined ({@link #NO_SPANS}).
     */
    public static Summary summarise(List<QuoteEvidence> all, boolean spansMarked) {
        int exact = 0;
        int ws = 0;
        int cs = 0;
        List<QuoteEvidence> missing = new ArrayList<>();
        double sumFraction = 0;
        long quoted = 0;
        long covered = 0;
        for (QuoteEvidence e : all) {
            switch (e.match().kind()) {
                case EXACT -> exact++;
                case WHITESPACE_INSENSITIVE -> ws++;
                case WHITESPACE_AND_CASE_INSENSITIVE -> cs++;
                case NOT_FOUND -> missing.add(e);
                default -> throw new IllegalStateException();
            }
            if (e.match().found()) {
                sumFraction += (double) e.coveredChars() / e.match().length();
                quoted += e.match().length();
                covered += e.coveredChars();
            }
        }
        int found = exact + ws + cs;
        String none = all.isEmpty() ? "the classifier gave no quotes"
                : found == 0 ? "none of the classifier's quotes was found in its transcript" : NO_SPANS;
        boolean defined = found > 0 && spansMarked;
        Metric mean = defined ? Metric.of(sumFraction / found) : Metric.undefined(none);
        Metric chars = defined ? Metric.of((double) covered / quoted) : Metric.undefined(none);
        return new Summary(all.size(), exact, ws, cs, List.copyOf(missing), mean, chars);
    }
}
