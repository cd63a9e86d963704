package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.junit.jupiter.api.Test;

/**
 * The content hash is the same whether or not the encoded texts are kept for the writer, and they
 * are kept only for a transcript of at most {@link ContentId#KEEP_BYTES} of text.
 */
class ContentIdTest {
    static List<Segment> segments(String scratchpad) {
        return List.of(new Segment(0, SegmentKind.USER_INPUT, "question é"),
                new Segment(1, SegmentKind.SCRATCHPAD, scratchpad));
    }

    @Test
    void smallTranscriptsKeepTheirUtf8AndLargeOnesDoNotWithTheSameKindOfHash() {
        String small = "x".repeat(ContentId.KEEP_BYTES - 100) + " 🙂";
        ContentId.Encoded kept = ContentId.encode(segments(small));
        assertThat(kept.texts().length).isEqualTo(2);
        assertThat(kept.texts()[1]).isEqualTo(small.getBytes(StandardCharsets.UTF_8));
        assertThat(kept.texts()[0]).isEqualTo("question é".getBytes(StandardCharsets.UTF_8));

        String large = "x".repeat(ContentId.KEEP_BYTES);
        ContentId.Encoded dropped = ContentId.encode(segments(large));
        assertThat(dropped.texts()).isNull();
        assertThat(dropped.hash()).hasSize(64).isEqualTo(ContentId.hash(segments(large)))
                .isNotEqualTo(kept.hash());
    }
}
