package org.afannotator.ingest;

/**
 * The importers' reading of a label cell (decision 0022), for readers outside the import that must
 * read the same file the same way: 1 / true / yes (any case) mean {@code faking}, 0 / false / no
 * mean {@code not_faking}, another label code is lower-cased and passes through.
 */
public final class LabelCells {
    private LabelCells() {
    }

    /** The label code a cell means, or null when it is none (e.g. "maybe?"). */
    public static String normalize(String cell) {
        return Labels.ofCell(cell);
    }
}
