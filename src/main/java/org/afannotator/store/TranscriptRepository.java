package org.afannotator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.afannotator.domain.Segment;
import org.afannotator.domain.SegmentKind;
import org.afannotator.domain.Transcript;

/** Transcripts and their segments. */
public final class TranscriptRepository {
    private static final TypeReference<Map<String, String>> META = new TypeReference<>() { };
    private final ProjectStore store;

    TranscriptRepository(ProjectStore store) {
        this.store = store;
    }

    /** Inserts the transcripts not stored yet, in one transaction; returns how many were new. */
    public int insertAll(Collection<Transcript> transcripts) {
        return store.inTransaction(c -> insertAll(c, transcripts));
    }

    /** Inserts on a connection inside the caller's transaction; returns how many were new. */
    public int insertAll(Connection c, Collection<Transcript> transcripts) throws SQLException {
        try (Inserter in = inserter(c)) {
            return in.insertAll(transcripts);
        }
    }

    /**
     * Insert statements prepared once on {@code c}, for a caller that inserts in many transactions
     * (an import, file after file); each call must run inside the caller's transaction.
     */
    public Inserter inserter(Connection c) throws SQLException {
        return new Inserter(c);
    }

    /**
     * Prepared inserts of transcripts and their segments; see {@link #inserter}. A new transcript
     * gets the next integer key, and its segments are stored under that key (schema 2). A
     * segment's text can come already encoded as UTF-8 (an import encodes it on its parser thread
     * for the content hash): it is then bound as bytes and stored as TEXT by {@code CAST}, which
     * in a UTF-8 database takes the bytes as they are, so the writer does not encode it again.
     */
    public static final class Inserter implements AutoCloseable {
        private final PreparedStatement t;
        private final PreparedStatement key;
        private final PreparedStatement s;
        private final PreparedStatement encoded;
        private final List<PreparedStatement> statements;
        /** The last import time written and its text: an import gives every transcript the same one. */
        private Instant lastTime;
        private String lastTimeText;

        private Inserter(Connection c) throws SQLException {
            List<PreparedStatement> made = new ArrayList<>();
            try {
                made.add(c.prepareStatement("INSERT OR IGNORE INTO transcript(id, source, format, model, condition,"
                        + " setting, imported_at, metadata) VALUES (?,?,?,?,?,?,?,?)"));
                made.add(c.prepareStatement("SELECT last_insert_rowid()"));
                made.add(c.prepareStatement("INSERT INTO segment(transcript_key, ordinal, kind, text) VALUES (?,?,?,?)"));
                boolean utf8;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA encoding")) {
                    utf8 = rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
                }
                made.add(utf8 ? c.prepareStatement("INSERT INTO segment(transcript_key, ordinal, kind, text)"
                        + " VALUES (?,?,?,CAST(? AS TEXT))") : null);
            } catch (SQLException e) {
                closeAll(made, e);
                throw e;
            }
            t = made.get(0);
            key = made.get(1);
            s = made.get(2);
            encoded = made.get(3);
            statements = made;
        }

        /** Closes every statement (null ones skipped); a failure goes onto {@code first}, or is thrown. */
        private static void closeAll(List<PreparedStatement> all, SQLException first) throws SQLException {
            SQLException failed = first;
            for (PreparedStatement p : all) {
                try {
                    if (p != null) {
                        p.close();
                    }
                } catch (SQLException e) {
                    if (failed == null) {
                        failed = e;
                    } else {
                        failed.addSuppressed(e);
                    }
                }
            }
            if (failed != null && first == null) {
                throw failed;
            }
        }

        /** Inserts the transcripts not stored yet; returns how many were new. */
        public int insertAll(Collection<Transcript> transcripts) throws SQLException {
            int added = 0;
            for (Transcript tr : transcripts) {
                if (insert(tr, null) >= 0) {
                    added++;
                }
            }
            return added;
        }

        /**
         * Inserts the transcript unless it is stored; returns its new key, or -1 if it was stored
         * already. {@code utf8}, when not null, holds each segment's text encoded as UTF-8, in the
         * order of its segments.
         */
        public long insert(Transcript tr, byte[][] utf8) throws SQLException {
            t.setString(1, tr.id());
            t.setString(2, tr.source());
            t.setString(3, tr.format());
            t.setString(4, tr.model());
            t.setString(5, tr.condition());
            t.setString(6, tr.setting());
            t.setString(7, timeText(tr.importedAt() == null ? Instant.now() : tr.importedAt()));
            t.setString(8, Json.write(tr.metadata()));
            if (t.executeUpdate() == 0) {
                return -1;
            }
            long k;
            try (ResultSet rs = key.executeQuery()) {
                rs.next();
                k = rs.getLong(1);
            }
            List<Segment> segments = tr.segments();
            boolean bytes = utf8 != null && encoded != null && utf8.length == segments.size();
            PreparedStatement ins = bytes ? encoded : s;
            for (int i = 0; i < segments.size(); i++) {
                Segment seg = segments.get(i);
                ins.setLong(1, k);
                ins.setInt(2, seg.ordinal());
                ins.setString(3, seg.kind().name());
                if (bytes) {
                    ins.setBytes(4, utf8[i]);
                } else {
                    ins.setString(4, seg.text());
                }
                ins.addBatch();
            }
            ins.executeBatch();
            return k;
        }

        /** {@code time.toString()}, formatted once for a run of transcripts with the same time. */
        private String timeText(Instant time) {
            if (!time.equals(lastTime)) {
                lastTime = time;
                lastTimeText = time.toString();
            }
            return lastTimeText;
        }

        @Override
        public void close() throws SQLException {
            closeAll(statements, null);
        }
    }

    public boolean insert(Transcript transcript) {
        return insertAll(List.of(transcript)) == 1;
    }

    public boolean exists(String id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM transcript WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public Optional<Transcript> get(String id) {
        return store.read(c -> {
            Transcript head;
            long key;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, source, format, model, condition, setting,"
                    + " imported_at, metadata, key FROM transcript WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    head = new Transcript(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), Instant.parse(rs.getString(7)),
                            Json.read(rs.getString(8), META), List.of());
                    key = rs.getLong(9);
                }
            }
            List<Segment> segments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ordinal, kind, text FROM segment WHERE transcript_key = ? ORDER BY ordinal")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        segments.add(new Segment(rs.getInt(1), SegmentKind.valueOf(rs.getString(2)), rs.getString(3)));
                    }
                }
            }
            return Optional.of(new Transcript(head.id(), head.source(), head.format(), head.model(), head.condition(),
                    head.setting(), head.importedAt(), head.metadata(), segments));
        });
    }

    public int count() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM transcript");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Transcript ids in id order, a page at a time. */
    public List<String> ids(int offset, int limit) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM transcript ORDER BY id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    /** Each transcript's condition (free_tier, ...) by id; transcripts without one are left out. */
    public java.util.Map<String, String> conditions() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, condition FROM transcript WHERE condition IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                java.util.Map<String, String> out = new java.util.HashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
                return out;
            }
        });
    }

    public List<String> allIds() {
        return ids(0, Integer.MAX_VALUE);
    }
}
