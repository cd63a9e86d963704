package org.afannotator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.afannotator.domain.Rater;
import org.afannotator.domain.RaterRole;

/** Raters, unique by name. */
public final class RaterRepository {
    private final ProjectStore store;

    RaterRepository(ProjectStore store) {
        this.store = store;
    }

    /** The rater with this name, created with {@code role} if there is none yet. */
    public Rater getOrCreate(String name, RaterRole role) {
        String trimmed = name.strip();
        return store.inTransaction(c -> {
            Optional<Rater> existing = byName(c, trimmed);
            if (existing.isPresent()) {
                return existing.get();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rater(name, role) VALUES (?, ?)")) {
                ps.setString(1, trimmed);
                ps.setString(2, role.name());
                ps.executeUpdate();
                return new Rater(ProjectStore.lastInsertRowid(c), trimmed, role);
            }
        });
    }

    public Optional<Rater> byName(String name) {
        return store.read(c -> byName(c, name.strip()));
    }

    public Optional<Rater> byId(long id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM rater WHERE id = ?")) {
                ps.setLong(1, id);
                return one(ps);
            }
        });
    }

    public List<Rater> all() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM rater ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<Rater> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        });
    }

    public int count() {
        return all().size();
    }

    private static Optional<Rater> byName(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role FROM rater WHERE name = ?")) {
            ps.setString(1, name);
            return one(ps);
        }
    }

    private static Optional<Rater> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static Rater map(ResultSet rs) throws SQLException {
        return new Rater(rs.getLong(1), rs.getString(2), RaterRole.valueOf(rs.getString(3)));
    }
}
