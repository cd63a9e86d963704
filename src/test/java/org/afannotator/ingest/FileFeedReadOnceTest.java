package org.afannotator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small file is read once, into memory, in one read sized by the listing: the bytes held are the
 * file's bytes as they are when read, whether it grew or shrank since it was listed; a file that
 * grew past the in-memory limit is read from disk.
 */
class FileFeedReadOnceTest {
    @TempDir
    Path dir;

    private Source listed(String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
        try (SourceSet set = SourceSet.of(List.of(dir.resolve(name)))) {
            return set.sources().get(0);
        }
    }

    private static byte[] bytesOf(Source s) throws Exception {
        try (InputStream in = s.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void heldBytesAreTheFilesAsReadWhetherItKeptGrewOrShrankItsListedSize() throws Exception {
        Source same = listed("same.json", filled(10, 'a'));
        Source once = FileFeed.readOnce(same);
        assertThat(once).isNotSameAs(same);
        assertThat(once.size()).isEqualTo(10);
        assertThat(bytesOf(once)).isEqualTo(filled(10, 'a'));
        assertThat(bytesOf(once)).as("opened again: the same bytes").isEqualTo(filled(10, 'a'));
        assertThat(once.name()).isEqualTo(same.name());

        Source grew = listed("grew.json", filled(10, 'b'));
        Files.write(dir.resolve("grew.json"), filled(25_000, 'c'));
        Source g = FileFeed.readOnce(grew);
        assertThat(g.size()).isEqualTo(25_000);
        assertThat(bytesOf(g)).isEqualTo(filled(25_000, 'c'));

        Source shrank = listed("shrank.json", filled(100, 'd'));
        Files.write(dir.resolve("shrank.json"), filled(7, 'e'));
        Source s = FileFeed.readOnce(shrank);
        assertThat(s.size()).isEqualTo(7);
        assertThat(bytesOf(s)).isEqualTo(filled(7, 'e'));

        Source limit = listed("limit.json", filled(FileFeed.READ_ONCE_BYTES, 'h'));
        Source l = FileFeed.readOnce(limit);
        assertThat(l).as("exactly the limit: in memory").isNotSameAs(limit);
        assertThat(bytesOf(l)).isEqualTo(filled(FileFeed.READ_ONCE_BYTES, 'h'));
        Source over = listed("over.json", filled(FileFeed.READ_ONCE_BYTES + 1, 'i'));
        assertThat(FileFeed.readOnce(over)).as("a byte over the limit: read from disk").isSameAs(over);

        Source big = listed("big.json", filled(10, 'f'));
        Files.write(dir.resolve("big.json"), filled(FileFeed.READ_ONCE_BYTES + 1, 'g'));
        assertThat(FileFeed.readOnce(big)).as("grown past the limit: read from disk").isSameAs(big);
    }
}
