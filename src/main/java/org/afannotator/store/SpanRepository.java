package org.afannotator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.afannotator.domain.Span;

/** Evidence spans. Offsets are UTF-16 indices into the segment text, checked on write. */
public final class SpanRepository {
    private static final String COLUMNS =
            "id, transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote, note";
    private final ProjectStore store;

    SpanRepository(ProjectStore store) {
        this.store = store;
    }

    /** Stores a new span and returns it with its id. */
    public Span add(Span span) {
        return store.inTransaction(c -> add(c, span));
    }

    public Span add(Connection c, Span span) throws SQLException {
        checkBounds(c, span);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO span(transcript_id, rater_id, segment_ordinal,"
                + " start_offset, end_offset, tag, quote, note) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, span.transcriptId());
            ps.setLong(2, span.raterId());
            ps.setInt(3, span.segmentOrdinal());
            ps.setInt(4, span.start());
            ps.setInt(5, span.end());
            ps.setString(6, span.tag());
            ps.setString(7, span.quote());
            ps.setString(8, span.note());
            ps.executeUpdate();
            return span.withId(ProjectStore.lastInsertRowid(c));
        }
    }

    /** Changes tag and note of a stored span (its place does not change). */
    public void update(Span span) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE span SET tag = ?, note = ? WHERE id = ?")) {
                ps.setString(1, span.tag());
                ps.setString(2, span.note());
                ps.setLong(3, span.id());
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("no span with id " + span.id());
                }
            }
            return null;
        });
    }

    public void delete(long id) {
        store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM span WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public List<Span> forTranscript(String transcriptId, long raterId) {
        return query("WHERE transcript_id = ? AND rater_id = ? ORDER BY segment_ordinal, start_offset, id",
                transcriptId, raterId);
    }

    public List<Span> forTranscript(String transcriptId) {
        return query("WHERE transcript_id = ? ORDER BY rater_id, segment_ordinal, start_offset, id", transcriptId);
    }

    public List<Span> all() {
        return query("ORDER BY transcript_id, rater_id, segment_ordinal, start_offset, id");
    }

    public int count() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM span");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static void checkBounds(Connection c, Span span) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT text FROM segment WHERE transcript_id = ? AND ordinal = ?")) {
            ps.setString(1, span.transcriptId());
            ps.setInt(2, span.segmentOrdinal());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("transcript " + span.transcriptId() + " has no segment " + span.segmentOrdinal());
                }
                String text = rs.getString(1);
                if (span.end() > text.length()) {
                    throw new StoreException("span [" + span.start() + ", " + span.end() + ") runs past the end of segment "
                            + span.segmentOrdinal() + " (length " + text.length() + ")");
                }
            }
        }
    }

    private List<Span> query(String where, Object... args) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM span " + where)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Span> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Span(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }
}
