package org.afannotator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The keys one import has met in the file it is reading (transcript ids; in a ratings or
 * predictions file, the item and rater or classifier of each rating or prediction it wrote), kept
 * in a temporary table on the project's connection (not in the heap), so a file of any size can be
 * checked for two records that share a key. Use inside the import's transaction; {@link #reset()} empties it for
 * the next file (the statements stay prepared); {@link #close()} frees it.
 */
public final class ImportLedger implements AutoCloseable {
    /** The record (and its line, or -1) that first used a key, and its content hash. */
    public record Seen(long record, long line, String hash) {
    }

    private final PreparedStatement insert;
    private final PreparedStatement find;
    private final PreparedStatement clear;

    /** Starts an empty ledger on {@code c} (the connection of the caller's transaction). */
    public ImportLedger(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TEMP TABLE IF NOT EXISTS import_seen("
                    + "id TEXT PRIMARY KEY, record INTEGER NOT NULL, line INTEGER NOT NULL, hash TEXT NOT NULL)");
            st.executeUpdate("DELETE FROM temp.import_seen");
        }
        insert = c.prepareStatement("INSERT OR IGNORE INTO temp.import_seen(id, record, line, hash)"
                + " VALUES (?,?,?,?)");
        find = c.prepareStatement("SELECT record, line, hash FROM temp.import_seen WHERE id = ?");
        clear = c.prepareStatement("DELETE FROM temp.import_seen");
    }

    /** Forgets every id, for the next file; inside the caller's transaction. */
    public void reset() throws SQLException {
        clear.executeUpdate();
    }

    /** Notes that {@code record} uses {@code id}; returns null the first time, else who used it first. */
    public Seen claim(String id, long record, long line, String hash) throws SQLException {
        insert.setString(1, id);
        insert.setLong(2, record);
        insert.setLong(3, line);
        insert.setString(4, hash);
        if (insert.executeUpdate() == 1) {
            return null;
        }
        return find(id);
    }

    /** Who used {@code id} first in this file, or null. */
    public Seen find(String id) throws SQLException {
        find.setString(1, id);
        try (ResultSet rs = find.executeQuery()) {
            return rs.next() ? new Seen(rs.getLong(1), rs.getLong(2), rs.getString(3)) : null;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        find.close();
        clear.close();
    }
}
