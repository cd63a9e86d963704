package org.afannotator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema scripts under {@code org/afannotator/db/}. Script i (1-based) takes the schema
 * from version i-1 to i; the version lives in {@code PRAGMA user_version}.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__integer_transcript_keys.sql");
    static final int LATEST = SCRIPTS.size();

    private Migrations() {
    }

    /**
     * Runs every script after {@code from}, each in its own transaction with its version bump.
     * Foreign keys are off while a script runs (a script rebuilds tables: dropping the old
     * {@code transcript} with them on would cascade into every table that refers to it) and
     * checked before its commit: a script that would add a dangling reference is rolled back.
     */
    static void migrate(Connection c, int from) throws SQLException {
        if (from >= LATEST) {
            return;
        }
        boolean auto = c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            // a no-op inside a transaction: set while none is open
            st.executeUpdate("PRAGMA foreign_keys = OFF");
            try {
                for (int v = from + 1; v <= LATEST; v++) {
                    String sql = load(SCRIPTS.get(v - 1));
                    c.setAutoCommit(false);
                    try {
                        int dangling = danglingReferences(st);
                        // sqlite-jdbc runs a multi-statement string through sqlite3_exec
                        st.executeUpdate(sql);
                        int after = danglingReferences(st);
                        if (after > dangling) {
                            throw new SQLException("schema " + v + " would leave " + (after - dangling)
                                    + " row(s) referring to missing rows");
                        }
                        st.executeUpdate("PRAGMA user_version = " + v);
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(auto);
                    }
                }
            } finally {
                st.executeUpdate("PRAGMA foreign_keys = ON");
            }
            if (from >= 1) {
                compact(st);
            }
        }
    }

    /**
     * A migration that rebuilt tables left the old ones' pages free inside the file (schema 1 to 2
     * on 100,000 transcripts: 1.8 GB of them, the file twice its size); VACUUM gives them back.
     * The migration is committed by then: if VACUUM fails (say, no room for its copy), the project
     * stays migrated and whole, only larger.
     */
    private static void compact(Statement st) {
        try {
            st.executeUpdate("VACUUM");
        } catch (SQLException e) {
            // keep the larger file; nothing is lost
        }
    }

    /**
     * Rows whose foreign key finds no parent. A file written with foreign keys on has none; one
     * that has some (written by another tool) still opens: a script may not add any.
     */
    private static int danglingReferences(Statement st) throws SQLException {
        int n = 0;
        try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("/org/afannotator/db/" + name)) {
            if (in == null) {
                throw new StoreException("migration script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration script " + name, e);
        }
    }
}
