package org.afannotator.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.BadInputException;
import org.afannotator.ingest.LabelCells;
import org.afannotator.stats.CodingStudy;
import org.afannotator.stats.Level;

/**
 * Ratings as CSV: header {@code item,rater,label}, one rating a row. An empty label, or no row for
 * an item and rater, is a missing rating. For ordinal, interval and ratio levels every label must be
 * a number.
 */
public final class RatingsCsv {
    private RatingsCsv() {
    }

    public static CodingStudy read(Path path, Level level) {
        return read(path, level, false);
    }

    /**
     * Ratings with each label read as the import reads it ({@link LabelCells}: 1, yes, TRUE, Faking
     * all mean faking), so that a file gives the same reference here as after an import; a label
     * the import would refuse is bad input.
     */
    public static CodingStudy readAsImport(Path path) {
        return read(path, Level.NOMINAL, true);
    }

    /**
     * The labels of the file, as written, that the import would read as one label (e.g. "yes" and
     * "faking"), by that label; empty when there are none. Here they are different categories.
     */
    public static Map<String, java.util.SortedSet<String>> spellingsOfOneLabel(Path path) {
        CsvTable t = CsvTable.read(path, List.of("item", "rater", "label"));
        Map<String, java.util.SortedSet<String>> byCode = new java.util.TreeMap<>();
        for (CsvTable.Row row : t.rows) {
            String label = row.get("label");
            String code = label.isEmpty() ? null : LabelCells.normalize(label);
            if (code != null) {
                byCode.computeIfAbsent(code, k -> new java.util.TreeSet<>()).add(label);
            }
        }
        byCode.values().removeIf(spellings -> spellings.size() < 2);
        return byCode;
    }

    private static CodingStudy read(Path path, Level level, boolean asImport) {
        CsvTable t = CsvTable.read(path, List.of("item", "rater", "label"));
        CodingStudy.Builder b = CodingStudy.builder();
        Map<String, Long> firstLine = new HashMap<>();
        for (CsvTable.Row row : t.rows) {
            String item = row.get("item");
            String rater = row.get("rater");
            String label = row.get("label");
            if (item.isEmpty()) {
                throw t.bad(row, "item", "empty item");
            }
            if (rater.isEmpty()) {
                throw t.bad(row, "rater", "empty rater");
            }
            Long before = firstLine.putIfAbsent(item + '\u0000' + rater, row.line());
            if (before != null) {
                throw t.bad(row, "rater", "rater " + rater + " already rated item " + item + " on line " + before);
            }
            if (level.needsNumbers() && !label.isEmpty() && !isNumber(label)) {
                throw t.bad(row, "label", "'" + label + "' is not a number, which " + level.code() + " alpha needs");
            }
            if (level == Level.RATIO && !label.isEmpty() && Double.parseDouble(label) < 0) {
                throw t.bad(row, "label", "'" + label + "' is negative; ratio alpha is for values >= 0 (a true zero),"
                        + " use --level interval for values with a sign");
            }
            if (asImport && !label.isEmpty()) {
                String code = LabelCells.normalize(label);
                if (code == null) {
                    throw t.bad(row, "label", "'" + label + "' is not a label (1/0, yes/no, true/false or a label code)");
                }
                label = code;
            }
            b.rate(item, rater, label.isEmpty() ? null : label);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(t.file, e.getMessage());
        }
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
