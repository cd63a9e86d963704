package org.afannotator.ingest;

import java.util.List;

/**
 * What an import did.
 *
 * @param duplicates records that added nothing because their transcript (or prediction, or rating)
 *                   was in the project already or came earlier in the same file, the same; one that
 *                   differs is a conflict, a bad record (decision 0110)
 * @param skipped    bad records left out with skip-bad (record null: the whole file)
 * @param files      files imported (committed)
 * @param cancelled  whether the import was cancelled; the file it was reading was rolled back
 */
public record ImportResult(int transcriptsAdded, int duplicates, int predictionsAdded, int annotationsAdded,
                           List<Skipped> skipped, int files, boolean cancelled) {

    public ImportResult {
        skipped = List.copyOf(skipped);
    }

    /** A record (or, with record null, a whole file) left out, and why. */
    public record Skipped(String file, Long record, String reason) {
    }
}
