package org.afannotator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment text handed to the inserter already encoded as UTF-8 (an import's parser thread
 * encodes it for the content hash) is stored exactly as the same text bound as a string: a TEXT
 * value (not a BLOB) with the same bytes, length and characters, for every kind of text a
 * transcript may hold.
 */
class EncodedSegmentTextTest {
    @TempDir
    Path dir;

    static final List<String> TEXTS = List.of(
            "plain ASCII <SCRATCHPAD_REASONING>reason</SCRATCHPAD_REASONING>",
            "Latin-1 accents: café, naïve, ½",
            "Кириллица, 中文, العربية, हिन्दी",
            "emoji 🙂👩‍🔬 and a flag 🇫🇷",
            "a NUL \u0000 inside",
            "a lone surrogate \uD800 here",
            "line\r\nbreaks\tand\u2028separators");

    static Transcript transcript(String id) {
        List<Segment> segments = new ArrayList<>();
        for (String text : TEXTS) {
            segments.add(new Segment(segments.size(), SegmentKind.SCRATCHPAD, text));
        }
        return new Transcript(id, "s.json", "generic", null, null, null, Instant.EPOCH, Map.of(), segments);
    }

    record Stored(String type, String hex, long length, String text) {
    }

    static List<Stored> stored(ProjectStore store, String id) {
        return store.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT typeof(s.text), hex(s.text), length(s.text), s.text"
                    + " FROM segment s JOIN transcript t ON t.key = s.transcript_key WHERE t.id = ? ORDER BY s.ordinal")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Test
    void bytesEncodedBeforeAreStoredAsTheSameTextAsTheString() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            byte[][] utf8 = TEXTS.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            store.inTransaction(c -> {
                try (TranscriptRepository.Inserter in = store.transcripts().inserter(c)) {
                    assertThat(in.insert(transcript("as-string"), null)).isEqualTo(1);
                    assertThat(in.insert(transcript("as-bytes"), utf8)).isEqualTo(2);
                    assertThat(in.insert(transcript("as-bytes"), utf8)).as("stored already").isEqualTo(-1);
                }
                return null;
            });
            List<Stored> viaString = stored(store, "as-string");
            List<Stored> viaBytes = stored(store, "as-bytes");
            assertThat(viaBytes).hasSize(TEXTS.size()).isEqualTo(viaString);
            assertThat(viaBytes).allSatisfy(s -> assertThat(s.type()).isEqualTo("text"));
            assertThat(viaBytes.get(4).length()).as("SQL length stops at a NUL, both ways").isEqualTo("a NUL ".length());
            assertThat(viaBytes.get(4).hex()).endsWith("00" + "20696E73696465".toUpperCase());
            assertThat(store.transcripts().get("as-bytes").orElseThrow().segments())
                    .isEqualTo(store.transcripts().get("as-string").orElseThrow().segments());
            assertThat(store.transcripts().get("as-bytes").orElseThrow().segments().get(3).text())
                    .isEqualTo(TEXTS.get(3));
        }
    }

    @Test
    void encodedTextsThatDoNotMatchTheSegmentsAreIgnoredAndTheStringsStored() {
        try (ProjectStore store = ProjectStore.create(dir.resolve("p.afproj"))) {
            byte[][] tooFew = {"x".getBytes(StandardCharsets.UTF_8)};
            store.inTransaction(c -> {
                try (TranscriptRepository.Inserter in = store.transcripts().inserter(c)) {
                    return in.insert(transcript("t"), tooFew);
                }
            });
            assertThat(stored(store, "t")).extracting(Stored::text).containsExactlyElementsOf(
                    TEXTS.stream().map(t -> t.replace('\uD800', '?')).toList());
        }
    }
}
