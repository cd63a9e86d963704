package org.afannotator.store;

import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A full disk for tests: the project file may not grow (SQLite's {@code PRAGMA max_page_count} on
 * the store's connection), so a write that needs a fresh page fails with SQLite's own SQLITE_FULL,
 * as it does when the disk is full.
 */
public final class FullDisk {
    private FullDisk() {
    }

    /** From now on the file may grow by at most {@code pages} pages (0: not at all). */
    public static void limit(ProjectStore store, long pages) {
        store.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                long now = rs.getLong(1);
                rs.close();
                st.execute("PRAGMA max_page_count = " + (now + pages));
            }
            return null;
        });
    }

    /** Room again: the file may grow as far as SQLite allows. */
    public static void lift(ProjectStore store) {
        store.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = 4294967294");
            }
            return null;
        });
    }
}
