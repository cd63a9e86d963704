package org.afannotator.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One data file to import: a file on disk or an entry of a zip archive. */
public interface Source {
    /** How messages name it: the path, or {@code archive.zip!inner/path.json}. */
    String name();

    /** Folder names above the file, nearest last ({@code [json_outputs, run, train]}). */
    List<String> folders();

    /** The file name without folders. */
    String fileName();

    /** Size in bytes (uncompressed), or 0 when unknown. */
    long size();

    /** A fresh stream over the bytes; may be called more than once (format detection reads ahead). */
    InputStream open() throws IOException;

    /**
     * Whether the user named this file itself, rather than a folder or archive holding it. A file
     * of no known format inside a folder or archive (a README, say) is left out and listed; named
     * itself, it is refused.
     */
    default boolean named() {
        return true;
    }

    /** Whether this is an entry of a zip archive (an archive inside it is not unpacked). */
    default boolean inArchive() {
        return false;
    }

    /** The file name without its last extension, e.g. {@code human_labels} for {@code human_labels.csv}. */
    default String baseName() {
        String n = fileName();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
