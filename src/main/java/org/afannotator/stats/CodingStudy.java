package org.afannotator.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Items x raters with missing ratings, int-coded: {@code code(item, rater)} is a category index
 * into {@link #categories()}, or {@link #MISSING}. Categories are ordered by numeric value when
 * every label is a number (needed for ordinal, interval and ratio alpha), else by string order.
 * Immutable; build with {@link #builder()}.
 */
public final class CodingStudy {
    public static final int MISSING = -1;

    private final List<String> items;
    private final List<String> raters;
    private final List<String> categories;
    private final double[] values;
    private final int[] codes;

    private CodingStudy(List<String> items, List<String> raters, List<String> categories, double[] values, int[] codes) {
        this.items = items;
        this.raters = raters;
        this.categories = categories;
        this.values = values;
        this.codes = codes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int itemCount() {
        return items.size();
    }

    public int raterCount() {
        return raters.size();
    }

    public int categoryCount() {
        return categories.size();
    }

    public List<String> items() {
        return items;
    }

    public List<String> raters() {
        return raters;
    }

    public List<String> categories() {
        return categories;
    }

    /** Category index of rater r's rating of item i, or {@link #MISSING}. */
    public int code(int item, int rater) {
        return codes[item * raters.size() + rater];
    }

    /** Row-major item x rater codes; do not modify. */
    int[] codes() {
        return codes;
    }

    /** True when every category label is a number. */
    public boolean numeric() {
        return values != null;
    }

    /** Numeric value of category c; only when {@link #numeric()}. */
    public double value(int c) {
        if (values == null) {
            throw new IllegalStateException("categories are not numeric: " + categories);
        }
        return values[c];
    }

    /** Number of ratings present. */
    public int ratingCount() {
        int n = 0;
        for (int c : codes) {
            if (c != MISSING) {
                n++;
            }
        }
        return n;
    }

    /**
     * Collects ratings. The study lists items and raters sorted (by {@link String#compareTo}), whatever
     * order they came in; categories are sorted as the class says.
     */
    public static final class Builder {
        private final Map<String, Integer> items = new LinkedHashMap<>();
        private final Map<String, Integer> raters = new LinkedHashMap<>();
        private final TreeSet<String> categories = new TreeSet<>();
        private final List<String[]> ratings = new ArrayList<>();
        private final Map<String, Boolean> seen = new HashMap<>();

        /** Declares an item even if nobody rated it. */
        public Builder item(String item) {
            items.putIfAbsent(item, items.size());
            return this;
        }

        /** Declares a rater even if they rated nothing. */
        public Builder rater(String rater) {
            raters.putIfAbsent(rater, raters.size());
            return this;
        }

        /** Declares a category even if nobody used it (it counts for Gwet's q). */
        public Builder category(String category) {
            categories.add(category);
            return this;
        }

        /**
         * One rating; a null or blank label is a missing rating (the item and rater still count).
         *
         * @throws IllegalArgumentException when this rater already rated this item
         */
        public Builder rate(String item, String rater, String label) {
            item(item);
            rater(rater);
            if (seen.put(item + '\u0000' + rater, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("rater " + rater + " rated item " + item + " twice");
            }
            if (label != null && !label.isBlank()) {
                categories.add(label);
                ratings.add(new String[] {item, rater, label});
            }
            return this;
        }

        public CodingStudy build() {
            List<String> cats = new ArrayList<>(categories);
            double[] values = numericValues(cats);
            if (values != null) {
                Integer[] order = new Integer[cats.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                double[] v = values;
                Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
                List<String> sorted = new ArrayList<>();
                double[] sortedValues = new double[order.length];
                for (int i = 0; i < order.length; i++) {
                    sorted.add(cats.get(order[i]));
                    sortedValues[i] = values[order[i]];
                }
                for (int i = 1; i < sortedValues.length; i++) {
                    if (sortedValues[i] == sortedValues[i - 1]) {
                        throw new IllegalArgumentException("labels " + sorted.get(i - 1) + " and " + sorted.get(i)
                                + " are the same number");
                    }
                }
                cats = sorted;
                values = sortedValues;
            }
            Map<String, Integer> catIndex = new HashMap<>();
            for (int i = 0; i < cats.size(); i++) {
                catIndex.put(cats.get(i), i);
            }
            // Items and raters in sorted order, not input order: the bootstrap draws items by index,
            // so the same ratings in another order must give the same study (and the same intervals).
            List<String> itemOrder = new ArrayList<>(items.keySet());
            itemOrder.sort(null);
            List<String> raterOrder = new ArrayList<>(raters.keySet());
            raterOrder.sort(null);
            Map<String, Integer> itemIndex = indexOf(itemOrder);
            Map<String, Integer> raterIndex = indexOf(raterOrder);
            int m = raterOrder.size();
            int[] codes = new int[itemOrder.size() * m];
            Arrays.fill(codes, MISSING);
            for (String[] r : ratings) {
                codes[itemIndex.get(r[0]) * m + raterIndex.get(r[1])] = catIndex.get(r[2]);
            }
            return new CodingStudy(List.copyOf(itemOrder), List.copyOf(raterOrder), List.copyOf(cats), values, codes);
        }

        private static Map<String, Integer> indexOf(List<String> keys) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                index.put(keys.get(i), i);
            }
            return index;
        }

        private static double[] numericValues(List<String> cats) {
            if (cats.isEmpty()) {
                return null;
            }
            double[] v = new double[cats.size()];
            for (int i = 0; i < v.length; i++) {
                try {
                    v[i] = Double.parseDouble(cats.get(i).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (!Double.isFinite(v[i])) {
                    return null;
                }
            }
            return v;
        }
    }

    /** A study built straight from codes (for generated data and benchmarks). */
    public static CodingStudy ofCodes(int items, int raters, List<String> categories, int[] codes) {
        if (codes.length != items * raters) {
            throw new IllegalArgumentException("codes must have items x raters entries");
        }
        List<String> itemIds = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            itemIds.add("i" + i);
        }
        List<String> raterIds = new ArrayList<>(raters);
        for (int r = 0; r < raters; r++) {
            raterIds.add("r" + r);
        }
        for (int c : codes) {
            if (c < MISSING || c >= categories.size()) {
                throw new IllegalArgumentException("code out of range: " + c);
            }
        }
        double[] values = Builder.numericValues(categories);
        for (int i = 1; values != null && i < values.length; i++) {
            if (values[i] <= values[i - 1]) {
                throw new IllegalArgumentException("numeric categories must be in increasing order: " + categories);
            }
        }
        return new CodingStudy(List.copyOf(itemIds), List.copyOf(raterIds), List.copyOf(categories), values,
                codes.clone());
    }
}
