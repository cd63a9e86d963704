package org.afannotator.ui.common;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a folder holds, read for {@link PathChooser} from the folder and each entry's metadata only:
 * no file is ever opened. (A native file chooser opens the files it lists to guess their type; on
 * POSIX systems closing such a descriptor releases every lock this process holds on the file, and an
 * open project's SQLite locks with them; decision 0109.)
 */
public final class FolderListing {
    private FolderListing() {
    }

    /** One entry of a folder: its path, whether it is a folder, its size in bytes and when it was modified. */
    public record Entry(Path path, boolean folder, long size, Instant modified) {
        public String name() {
            Path n = path.getFileName();
            return n == null ? path.toString() : n.toString();
        }
    }

    /** A choice of which files to show: a name and glob patterns on the file name ("*.afproj"; "*" for all). */
    public record Filter(String name, List<String> patterns) {
        public Filter {
            patterns = List.copyOf(patterns);
        }

        public static Filter of(String name, String... patterns) {
            return new Filter(name, List.of(patterns));
        }

        public boolean accepts(Path file) {
            Path name = file.getFileName();
            if (name == null) {
                return false;
            }
            for (String p : patterns) {
                if (p.equals("*") || p.equals("*.*")) {
                    return true;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.toLowerCase(Locale.ROOT));
                if (m.matches(Path.of(name.toString().toLowerCase(Locale.ROOT)))) {
                    return true;
                }
            }
            return false;
        }

        /** The one extension a new file of this filter gets ("afproj" for "*.afproj"), or null. */
        public String extension() {
            if (patterns.size() == 1 && patterns.get(0).startsWith("*.") && patterns.get(0).indexOf('*', 1) < 0) {
                return patterns.get(0).substring(2);
            }
            return null;
        }

        @Override
        public String toString() {
            return name + " (" + String.join(", ", patterns) + ")";
        }
    }

    /**
     * The folders in {@code folder}, then the files {@code filter} accepts (none when {@code filter}
     * is null), each group by name, case-insensitively; hidden entries (a name starting with ".")
     * only when asked for. An entry that vanishes while it is read is left out.
     */
    public static List<Entry> list(Path folder, Filter filter, boolean hidden) throws IOException {
        List<Entry> folders = new ArrayList<>();
        List<Entry> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                Path name = p.getFileName();
                if (!hidden && name != null && name.toString().startsWith(".")) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class); // stat(2): follows a link, opens nothing
                } catch (IOException e) {
                    continue; // gone meanwhile, or a dangling link
                }
                if (a.isDirectory()) {
                    folders.add(new Entry(p, true, 0, a.lastModifiedTime().toInstant()));
                } else if (filter != null && filter.accepts(p)) {
                    files.add(new Entry(p, false, a.size(), a.lastModifiedTime().toInstant()));
                }
            }
        }
        Comparator<Entry> byName = Comparator.comparing((Entry e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(Entry::name);
        folders.sort(byName);
        files.sort(byName);
        folders.addAll(files);
        return folders;
    }

    /** "12 KB", "1.5 MB": sizes in SI units, as file managers show them. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v)) + " " + units[u];
    }
}
