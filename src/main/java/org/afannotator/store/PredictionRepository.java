package org.afannotator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.afannotator.domain.Prediction;
import org.afannotator.domain.Quote;

/** Classifier predictions, one per transcript and classifier. */
public final class PredictionRepository {
    private static final TypeReference<LinkedHashMap<String, Double>> CRITERIA = new TypeReference<>() { };
    private static final TypeReference<List<Quote>> QUOTES = new TypeReference<>() { };
    private final ProjectStore store;

    PredictionRepository(ProjectStore store) {
        this.store = store;
    }

    /** Inserts the predictions not stored yet; returns how many were new. */
    public int insertAll(Collection<Prediction> predictions) {
        return store.inTransaction(c -> insertAll(c, predictions));
    }

    public int insertAll(Connection c, Collection<Prediction> predictions) throws SQLException {
        try (Inserter in = inserter(c)) {
            return in.insertAll(predictions);
        }
    }

    /**
     * The insert statement prepared once on {@code c}, for a caller that inserts in many
     * transactions (an import, file after file); each call must run inside the caller's transaction.
     */
    public Inserter inserter(Connection c) throws SQLException {
        return new Inserter(c);
    }

    /** What a stored prediction says: its label and score (either may be null). */
    public record Stored(String label, Double score) {
        /** Whether {@code label} and {@code score} say the same: equal labels, scores equal as numbers (0.0 and -0.0 too). */
        public boolean same(String label, Double score) {
            return Objects.equals(this.label, label)
                    && (this.score == null ? score == null : score != null && this.score.doubleValue() == score.doubleValue());
        }
    }

    /** A stored transcript: its key and its predictions by classifier. */
    public record StoredTranscript(long key, Map<String, Stored> predictions) {
    }

    /** A prepared insert of predictions; see {@link #inserter}. */
    public static final class Inserter implements AutoCloseable {
        private final PreparedStatement byId;
        private final PreparedStatement byKey;
        private final PreparedStatement stored;
        private final PreparedStatement storedAll;

        private Inserter(Connection c) throws SQLException {
            // stored under the transcript's integer key (schema 2); an unknown transcript id gives a
            // null key, which the NOT NULL constraint refuses (OR IGNORE: silently, as a duplicate)
            byId = c.prepareStatement("INSERT OR IGNORE INTO prediction(transcript_key, classifier,"
                    + " label, score, criteria, quotes, raw) VALUES ((SELECT key FROM transcript WHERE id = ?),?,?,?,?,?,?)");
            PreparedStatement key = null;
            PreparedStatement one = null;
            try {
                key = c.prepareStatement("INSERT OR IGNORE INTO prediction(transcript_key, classifier,"
                        + " label, score, criteria, quotes, raw) VALUES (?,?,?,?,?,?,?)");
                one = c.prepareStatement("SELECT p.label, p.score FROM prediction p JOIN transcript t"
                        + " ON t.key = p.transcript_key WHERE t.id = ? AND p.classifier = ?");
                storedAll = c.prepareStatement("SELECT t.key, p.classifier, p.label, p.score FROM transcript t"
                        + " LEFT JOIN prediction p ON p.transcript_key = t.key WHERE t.id = ?");
            } catch (SQLException e) {
                byId.close();
                if (key != null) {
                    key.close();
                }
                if (one != null) {
                    one.close();
                }
                throw e;
            }
            byKey = key;
            stored = one;
        }

        /** The label and score stored for the transcript and classifier, or null when there is none. */
        public Stored stored(String transcriptId, String classifier) throws SQLException {
            stored.setString(1, transcriptId);
            stored.setString(2, classifier);
            try (ResultSet rs = stored.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String label = rs.getString(1);
                double score = rs.getDouble(2);
                return new Stored(label, rs.wasNull() ? null : score);
            }
        }

        /**
         * The transcript stored under {@code transcriptId} with its predictions (one query), or null
         * when there is no such transcript.
         */
        public StoredTranscript stored(String transcriptId) throws SQLException {
            storedAll.setString(1, transcriptId);
            try (ResultSet rs = storedAll.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long key = rs.getLong(1);
                Map<String, Stored> predictions = new HashMap<>();
                do {
                    String classifier = rs.getString(2);
                    if (classifier != null) {
                        String label = rs.getString(3);
                        double score = rs.getDouble(4);
                        predictions.put(classifier, new Stored(label, rs.wasNull() ? null : score));
                    }
                } while (rs.next());
                return new StoredTranscript(key, predictions);
            }
        }

        /** Inserts the predictions not stored yet; returns how many were new. */
        public int insertAll(Collection<Prediction> predictions) throws SQLException {
            int added = 0;
            for (Prediction p : predictions) {
                added += insert(p);
            }
            return added;
        }

        /** Inserts the prediction unless its transcript has one of that classifier; returns 1 if it was new, else 0. */
        public int insert(Prediction p) throws SQLException {
            byId.setString(1, p.transcriptId());
            return insert(byId, p);
        }

        /**
         * Inserts predictions of the transcript stored under {@code transcriptKey} (one just
         * inserted: its key is known, so it is not looked up by id); returns how many were new.
         */
        public int insertAll(long transcriptKey, Collection<Prediction> predictions) throws SQLException {
            int added = 0;
            for (Prediction p : predictions) {
                byKey.setLong(1, transcriptKey);
                added += insert(byKey, p);
            }
            return added;
        }

        private static int insert(PreparedStatement ps, Prediction p) throws SQLException {
            ps.setString(2, p.classifier());
            ps.setString(3, p.label());
            if (p.score() == null) {
                ps.setNull(4, Types.REAL);
            } else {
                ps.setDouble(4, p.score());
            }
            ps.setString(5, Json.write(p.criteria()));
            ps.setString(6, Json.write(p.quotes()));
            ps.setString(7, p.rawJson());
            return ps.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            try {
                byId.close();
            } finally {
                try {
                    byKey.close();
                } finally {
                    try {
                        stored.close();
                    } finally {
                        storedAll.close();
                    }
                }
            }
        }
    }

    public List<Prediction> forTranscript(String transcriptId) {
        return query("WHERE t.id = ? ORDER BY p.classifier", transcriptId);
    }

    public List<Prediction> forClassifier(String classifier) {
        return query("WHERE p.classifier = ? ORDER BY t.id", classifier);
    }

    public List<Prediction> all() {
        return query("ORDER BY p.classifier, t.id");
    }

    /** Names of the classifiers with at least one prediction, sorted. */
    public List<String> classifiers() {
        return distinctClassifiers("SELECT DISTINCT classifier FROM prediction ORDER BY classifier");
    }

    /** The classifiers that gave a label to at least one transcript, sorted. */
    public List<String> labellingClassifiers() {
        return distinctClassifiers("SELECT DISTINCT classifier FROM prediction WHERE label IS NOT NULL ORDER BY classifier");
    }

    private List<String> distinctClassifiers(String sql) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                 ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    public int count() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM prediction");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private List<Prediction> query(String where, Object... args) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT t.id, p.classifier, p.label, p.score, p.criteria,"
                    + " p.quotes, p.raw FROM prediction p JOIN transcript t ON t.key = p.transcript_key " + where)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Prediction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double score = rs.getDouble(4);
                        Double s = rs.wasNull() ? null : score;
                        out.add(new Prediction(rs.getString(1), rs.getString(2), rs.getString(3), s,
                                Json.read(rs.getString(5), CRITERIA), Json.read(rs.getString(6), QUOTES), rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }
}
