package org.afannotator.stats;

import java.util.Locale;

/** Level of measurement: selects Krippendorff's difference function delta squared. */
public enum Level {
    /** delta^2 = 0 if equal, else 1. */
    NOMINAL,
    /** delta^2 = ((sum of the pairable-value counts n_g over ranks c..k) - (n_c + n_k) / 2)^2. */
    ORDINAL,
    /** delta^2 = (c - k)^2 over the numeric labels. */
    INTERVAL,
    /** delta^2 = ((c - k) / (c + k))^2 over the numeric labels. */
    RATIO;

    public boolean needsNumbers() {
        return this != NOMINAL;
    }

    public static Level parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
