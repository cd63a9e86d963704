package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A UTF-8 byte order mark is skipped, on streams that can go back (a file read into memory, used
 * as it is) and on those that cannot (wrapped in a buffer); progress counts every byte once.
 */
class ByteOrderMarkTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] withBom(String s) {
        byte[] text = s.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    /** A stream that cannot mark, like a file or a zip entry. */
    private static InputStream unmarkable(byte[] b) {
        return new FilterInputStream(new ByteArrayInputStream(b)) {
            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    private static String rest(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aMarkIsSkippedOnBothKindsOfStream() throws Exception {
        InputStream memory = new ByteArrayInputStream(withBom("{\"a\":\"é\"}"));
        InputStream skipped = Encoding.skipBom(memory);
        assertThat(skipped).as("an in-memory stream is used as it is").isSameAs(memory);
        assertThat(rest(skipped)).isEqualTo("{\"a\":\"é\"}");

        InputStream file = Encoding.skipBom(unmarkable(withBom("{\"a\":1}")));
        assertThat(file).isInstanceOf(BufferedInputStream.class);
        assertThat(rest(file)).isEqualTo("{\"a\":1}");
    }

    @Test
    void withoutAMarkNothingIsSkipped() throws Exception {
        assertThat(rest(Encoding.skipBom(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))).isEqualTo("{}");
        assertThat(rest(Encoding.skipBom(unmarkable("x".getBytes(StandardCharsets.UTF_8))))).isEqualTo("x");
        assertThat(rest(Encoding.skipBom(new ByteArrayInputStream(new byte[0])))).isEmpty();
    }

    @Test
    void utf16IsRefusedOnAnInMemoryStream() {
        assertThatThrownBy(() -> Encoding.skipBom(new ByteArrayInputStream(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0})))
                .isInstanceOf(RecordException.class).hasMessageContaining("UTF-16");
    }

    @Test
    void progressCountsEachByteOnceAcrossMarkAndReset() throws Exception {
        byte[] data = withBom("{\"messages\":[]}");
        AtomicLong bytes = new AtomicLong();
        InputStream in = Encoding.skipBom(new CountingInputStream(new ByteArrayInputStream(data), bytes, new CancelToken()));
        in.mark(100);
        assertThat(in.readNBytes(5)).hasSize(5);
        in.reset();
        in.readAllBytes();
        assertThat(bytes.get()).as("bytes counted").isEqualTo(data.length);
    }
}
