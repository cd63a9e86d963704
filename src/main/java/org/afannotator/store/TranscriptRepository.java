package org.afannotator.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * gets the next integer key, and its segments are stored under that key (schema 2).
     */
    public static final class Inserter implements AutoCloseable {
        private final PreparedStatement t;
        private final PreparedStatement key;
        private final PreparedStatement s;

        private Inserter(Connection c) throws SQLException {
            t = c.prepareStatement("INSERT OR IGNORE INTO transcript(id, source, format, model, condition, setting,"
                    + " imported_at, metadata) VALUES (?,?,?,?,?,?,?,?)");
            PreparedStatement k = null;
            try {
                k = c.prepareStatement("SELECT last_insert_rowid()");
                s = c.prepareStatement("INSERT INTO segment(transcript_key, ordinal, kind, text) VALUES (?,?,?,?)");
            } catch (SQLException e) {
                try {
                    t.close();
                } finally {
                    if (k != null) {
                        k.close();
                    }
                }
                throw e;
            }
            key = k;
        }

        /** Inserts the transcripts not stored yet; returns how many were new. */
        public int insertAll(Collection<Transcript> transcripts) throws SQLException {
            int added = 0;
            for (Transcript tr : transcripts) {
                t.setString(1, tr.id());
                t.setString(2, tr.source());
                t.setString(3, tr.format());
                t.setString(4, tr.model());
                t.setString(5, tr.condition());
                t.setString(6, tr.setting());
                t.setString(7, (tr.importedAt() == null ? Instant.now() : tr.importedAt()).toString());
                t.setString(8, Json.write(tr.metadata()));
                if (t.executeUpdate() == 0) {
                    continue;
                }
                added++;
                long k;
                try (ResultSet rs = key.executeQuery()) {
                    rs.next();
                    k = rs.getLong(1);
                }
                for (Segment seg : tr.segments()) {
                    s.setLong(1, k);
                    s.setInt(2, seg.ordinal());
                    s.setString(3, seg.kind().name());
                    s.setString(4, seg.text());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return added;
        }

        @Override
        public void close() throws SQLException {
            try {
                t.close();
            } finally {
                try {
                    key.close();
                } finally {
                    s.close();
                }
            }
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

    public List<String> allIds() {
        return ids(0, Integer.MAX_VALUE);
    }
}
