package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A file read into memory is read in place (its line breaks found eight bytes at a time, its JSON
 * Lines parsed where they lie): the same answers as reading it through a stream, byte counts too.
 */
class InPlaceReadingTest {
    @Test
    void newlinesAreFoundWhereALoopFindsThemFromAnyStartToAnyEnd() {
        Random r = new Random(11);
        for (int n = 0; n < 3_000; n++) {
            byte[] a = new byte[r.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                int k = r.nextInt(10);
                a[i] = (byte) (k == 0 ? '\n' : k == 1 ? 0x0b : k == 2 ? (byte) 0x8a : 'a' + k);
            }
            int from = r.nextInt(a.length + 1);
            int to = from + r.nextInt(a.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (a[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(MemoryStream.indexOfNewline(a, from, to)).isEqualTo(expected);
        }
    }

    private static List<String> rows(RowReader reader) {
        List<String> out = new ArrayList<>();
        while (true) {
            try {
                Row row = reader.next();
                if (row == null) {
                    return out;
                }
                out.add(row.index() + "@" + row.line() + ":" + row.node());
            } catch (RecordException e) {
                out.add("bad " + e.describe());
            }
        }
    }

    @Test
    void jsonLinesReadInPlaceGiveTheRowsErrorsAndByteCountOfAStream() throws Exception {
        Limits limits = new Limits(64);
        String[] lines = {"{\"a\": 1}", "", "  ", "{\"b\": \"é😀\"}\r", "{\"c\": [1, 2, 3]}", "{not json",
            "{\"long\": \"" + "x".repeat(80) + "\"}", "[1]", "{\"d\": 4} {\"e\": 5}", "{\"t\": 1"};
        Random r = new Random(3);
        for (int n = 0; n < 300; n++) {
            StringBuilder b = new StringBuilder();
            int k = r.nextInt(7);
            for (int i = 0; i < k; i++) {
                b.append(lines[r.nextInt(lines.length)]);
                if (i < k - 1 || r.nextBoolean()) {
                    b.append('\n');
                }
            }
            byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
            // a byte order mark sometimes, taken off by the reading as in an import
            byte[] bytes = n % 3 == 0 ? concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text) : text;
            AtomicLong streamed = new AtomicLong();
            AtomicLong inPlace = new AtomicLong();
            List<String> viaStream = rows(new JsonLinesRows(Encoding.skipBom(
                    new CountingInputStream(new ByteArrayInputStream(bytes), streamed, new CancelToken())), limits));
            byte[] padded = java.util.Arrays.copyOf(bytes, bytes.length + 5); // bytes past the length are not the file's
            List<String> viaMemory = rows(new JsonLinesRows(Encoding.skipBom(
                    new CountingInputStream(new MemoryStream(padded, bytes.length), inPlace, new CancelToken())), limits));
            assertThat(viaMemory).as(b.toString()).isEqualTo(viaStream);
            assertThat(inPlace.get()).isEqualTo(streamed.get()).isEqualTo(bytes.length);
        }
    }

    /** A line longer than the reader's buffer (64 KiB when the stream cannot say its size) is put together whole. */
    @Test
    void aLineLongerThanTheBufferIsReadWholeFromAStream() {
        String big = "{\"t\": \"" + "ab\u00e9".repeat(30_000) + "\"}";
        byte[] bytes = ("{\"a\": 1}\n" + big + "\n{\"z\": 2}\n").getBytes(StandardCharsets.UTF_8);
        java.io.InputStream sizeless = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0;
            }
        };
        List<String> viaStream = rows(new JsonLinesRows(
                new CountingInputStream(sizeless, new AtomicLong(), new CancelToken()), new Limits(1 << 20)));
        assertThat(viaStream).hasSize(3);
        assertThat(viaStream.get(1)).startsWith("1@2:{\"t\":\"abéabé").endsWith("abé\"}");
        assertThat(viaStream.get(2)).isEqualTo("2@3:{\"z\":2}");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A record cut off inside the file is said to end with its line; at the file's end, with the file. */
    @Test
    void aCutOffRecordEndsWithItsLineInsideTheFileAndWithTheFileAtItsEnd() throws Exception {
        byte[] bytes = "{\"a\": 1\n{\"b\": 2}\n{\"c\": 3".getBytes(StandardCharsets.UTF_8);
        for (boolean inMemory : new boolean[] {false, true}) {
            java.io.InputStream raw = inMemory ? new MemoryStream(bytes, bytes.length) : new ByteArrayInputStream(bytes);
            List<String> got = rows(new JsonLinesRows(Encoding.skipBom(
                    new CountingInputStream(raw, new AtomicLong(), new CancelToken())), new Limits(1 << 16)));
            assertThat(got).as(inMemory ? "in memory" : "streamed").hasSize(3);
            assertThat(got.get(0)).contains("the line ends in the middle of a record").doesNotContain("the file ends");
            assertThat(got.get(1)).isEqualTo("1@2:{\"b\":2}");
            assertThat(got.get(2)).contains("the file ends in the middle of a record");
        }
    }
}
