package org.afannotator.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.afannotator.domain.BadInputException;

/**
 * The data files behind the paths a user gave: a file stands for itself, a folder for every
 * non-hidden file below it (sorted by path) except project files (*.afproj and their log, shared
 * memory and backups), a zip archive (recognised by its content) for every
 * file inside it. Zip entries are read straight from the archive, never extracted to disk.
 */
public final class SourceSet implements Closeable {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final List<Source> sources;
    private final List<ZipFile> zips;

    private SourceSet(List<Source> sources, List<ZipFile> zips) {
        this.sources = Collections.unmodifiableList(sources);
        this.zips = zips;
    }

    public List<Source> sources() {
        return sources;
    }

    public long totalBytes() {
        return sources.stream().mapToLong(Source::size).sum();
    }

    /** Expands the paths; a missing path is a {@link BadInputException}. */
    public static SourceSet of(List<Path> paths) {
        FxThreadGuard.refuse("listing import files");
        List<Source> out = new ArrayList<>();
        List<ZipFile> zips = new ArrayList<>();
        try {
            for (Path p : paths) {
                if (!Files.exists(p)) {
                    throw new BadInputException(p.toString(), "no such file or folder");
                }
                if (Files.isDirectory(p)) {
                    for (Listed f : walk(p)) {
                        add(f.path(), f.size(), false, out, zips);
                    }
                } else {
                    if (projectFile(p.getFileName().toString())) {
                        throw new BadInputException(p.toString(), "is a project file, not data to import (to bring a"
                                + " rater's bundle back, merge it)");
                    }
                    add(p, sizeOf(p), true, out, zips);
                }
            }
        } catch (RuntimeException e) {
            closeAll(zips);
            throw e;
        }
        return new SourceSet(out, zips);
    }

    /** One source over bytes in memory (tests, and the samples inside the jar). */
    public static Source ofBytes(String name, byte[] bytes) {
        return new BytesSource(name, bytes);
    }

    /** Sources given directly (tests, and the samples inside the jar). */
    public static SourceSet of(Source... sources) {
        return new SourceSet(List.of(sources), List.of());
    }

    @Override
    public void close() {
        closeAll(zips);
    }

    private static void add(Path file, long size, boolean named, List<Source> out, List<ZipFile> zips) {
        if (isZip(file)) {
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (ZipException e) {
                throw new BadInputException(file.toString(), "damaged zip archive: " + e.getMessage());
            } catch (IOException e) {
                throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
            }
            zips.add(zip);
            List<ZipEntry> entries = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory() && !hidden(e.getName())).forEach(entries::add);
            entries.sort(Comparator.comparing(ZipEntry::getName));
            for (ZipEntry e : entries) {
                out.add(new ZipEntrySource(file.toString(), zip, e));
            }
        } else {
            out.add(new FileSource(file, named, size));
        }
    }

    /**
     * A project file or one of its companions (log, shared memory, backup), by name: never an input,
     * and never to be opened here, since the app may hold it open (closing another descriptor of a
     * file SQLite has open drops SQLite's locks on it).
     */
    static boolean projectFile(String name) {
        return name.endsWith(".afproj") || name.endsWith(".afproj-wal") || name.endsWith(".afproj-shm")
                || name.endsWith(".afproj-journal") || name.contains(".afproj.bak-v");
    }

    private static boolean hidden(String entryName) {
        return Arrays.stream(entryName.split("/")).anyMatch(s -> s.startsWith(".") || s.equals("__MACOSX"));
    }

    /** A regular file found in a folder, with its size when listed. */
    private record Listed(Path path, long size) {
    }

    /**
     * The folder's non-hidden regular files, sorted by path, each with its size from the same
     * directory walk (one stat per file; the size is asked for several times during an import).
     */
    private static List<Listed> walk(Path dir) {
        List<Listed> out = new ArrayList<>();
        try {
            // A folder given as a link is walked where it points, its files named under the link.
            Path start = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path found, BasicFileAttributes attrs) {
                    Path rel = start.relativize(found);
                    Path f = dir.resolve(rel);
                    if (hidden(rel.toString().replace('\\', '/')) || projectFile(found.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        out.add(new Listed(f, attrs.size()));
                    } else if (attrs.isSymbolicLink() && Files.isRegularFile(f)) {
                        out.add(new Listed(f, sizeOf(f))); // a link to a file counts as the file
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(dir.toString(), "cannot list folder: " + e.getMessage());
        }
        out.sort(Comparator.comparing(Listed::path));
        return out;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /**
     * Whether {@code file} is a zip archive: one named {@code .json}, {@code .jsonl} or {@code .csv}
     * (any case) is taken for data without being opened; any other is opened and its first bytes
     * compared with a zip archive's (decision 0115).
     */
    private static boolean isZip(Path file) {
        if (namedAsData(file.getFileName().toString())) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** The endings of the data files the papers released, which are never zip archives. */
    private static final List<String> DATA_ENDINGS = List.of(".json", ".jsonl", ".csv");

    private static boolean namedAsData(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return DATA_ENDINGS.stream().anyMatch(lower::endsWith);
    }

    private static void closeAll(List<ZipFile> zips) {
        for (ZipFile z : zips) {
            try {
                z.close();
            } catch (IOException e) {
                // nothing was written through it
            }
        }
    }

    /** A file on disk; {@code size} as listed (progress and read-ahead use it, reading does not). */
    private record FileSource(Path path, boolean named, long size) implements Source {
        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public List<String> folders() {
            List<String> out = new ArrayList<>();
            Path parent = path.toAbsolutePath().getParent();
            while (parent != null && parent.getFileName() != null) {
                out.add(0, parent.getFileName().toString());
                parent = parent.getParent();
            }
            return out;
        }

        @Override
        public String fileName() {
            return path.getFileName().toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    private record ZipEntrySource(String archive, ZipFile zip, ZipEntry entry) implements Source {
        @Override
        public String name() {
            return archive + "!" + entry.getName();
        }

        @Override
        public boolean named() {
            return false;
        }

        @Override
        public boolean inArchive() {
            return true;
        }

        @Override
        public List<String> folders() {
            String[] parts = entry.getName().split("/");
            return List.of(Arrays.copyOf(parts, parts.length - 1));
        }

        @Override
        public String fileName() {
            String n = entry.getName();
            return n.substring(n.lastIndexOf('/') + 1);
        }

        @Override
        public long size() {
            return Math.max(0, entry.getSize());
        }

        @Override
        public InputStream open() throws IOException {
            return zip.getInputStream(entry);
        }
    }

    private record BytesSource(String name, byte[] bytes) implements Source {
        @Override
        public List<String> folders() {
            String[] parts = name.split("/");
            return List.of(Arrays.copyOf(parts, parts.length - 1));
        }

        @Override
        public String fileName() {
            return name.substring(name.lastIndexOf('/') + 1);
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new java.io.ByteArrayInputStream(bytes);
        }
    }
}
