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
     * {@code texts} is null for a transcript of more than {@link #KEEP_BYTES} of text: records
     * queue between the threads and wait in the writer's batch, and keeping the bytes beside the
     * strings would double the memory a large record takes; the writer encodes those itself.
     */
    record Encoded(String hash, byte[][] texts) {
    }

    /** The most text, in UTF-8 bytes, whose encoding is kept for the writer. */
    static final int KEEP_BYTES = 64 * 1024;

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
        long total = 0;
        for (byte[] t : texts) {
            total += t.length;
        }
        return new Encoded(HexFormat.of().formatHex(md.digest()), total <= KEEP_BYTES ? texts : null);
    }

    static String idOf(String hash) {
        return PREFIX + hash.substring(0, 16);
    }
}
