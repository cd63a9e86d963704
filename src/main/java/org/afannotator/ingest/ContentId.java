package org.afannotator.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.afannotator.domain.Segment;

/**
 * Content hash of a transcript (docs/decisions/0020-transcript-ids.md): SHA-256 over each
 * segment's kind, length and text, in order. The id of a record without its own id is
 * {@code sha-} and the first 16 hex digits of that hash.
 */
final class ContentId {
    static final String PREFIX = "sha-";

    private ContentId() {
    }

    /**
     * The content hash and each segment's text as UTF-8, encoded once: the hash is computed over
     * these bytes, and the writer stores them as they are (the project's text encoding is UTF-8).
     */
    record Encoded(String hash, byte[][] texts) {
    }

    static String hash(List<Segment> segments) {
        return encode(segments).hash();
    }

    static Encoded encode(List<Segment> segments) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        byte[][] texts = new byte[segments.size()][];
        for (int i = 0; i < texts.length; i++) {
            Segment s = segments.get(i);
            md.update((s.kind().name() + "\n" + s.text().length() + "\n").getBytes(StandardCharsets.UTF_8));
            texts[i] = s.text().getBytes(StandardCharsets.UTF_8);
            md.update(texts[i]);
        }
        return new Encoded(HexFormat.of().formatHex(md.digest()), texts);
    }

    static String idOf(String hash) {
        return PREFIX + hash.substring(0, 16);
    }
}
