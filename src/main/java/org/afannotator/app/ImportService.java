package org.afannotator.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.afannotator.domain.BadInputException;
import org.afannotator.ingest.CancelToken;
import org.afannotator.ingest.FormatDetector;
import org.afannotator.ingest.ImportOptions;
import org.afannotator.ingest.ImportResult;
import org.afannotator.ingest.Importer;
import org.afannotator.ingest.ProgressListener;
import org.afannotator.ingest.Source;
import org.afannotator.ingest.SourceSet;
import org.afannotator.store.ProjectStore;

/**
 * The import use case behind {@code af-annotator import} and the import dialog: files, folders
 * and zip archives go into a project, each file atomically, with progress and cancel.
 */
public final class ImportService {

    /**
     * Imports into the project file at {@code project}, creating it when there is no file there yet
     * (only after the inputs were found, so a mistyped input path creates nothing; never its
     * folder, which must exist). A new project is built under a hidden random name beside it
     * ({@code .afimport-...}) and put in place when the import ends, and only if something went in
     * or the import finished: no other program sees, opens or writes to it half made, a refused
     * import leaves nothing behind, and a project another program made meanwhile is never replaced
     * (the import then fails, and its work is kept in a visible {@code NAME.recovered-....afproj}).
     * A killed import leaves its hidden file, which nothing deletes.
     */
    public ImportResult importInto(Path project, List<Path> inputs, ImportOptions options, ProgressListener progress,
                                   CancelToken cancel) {
        try (SourceSet sources = SourceSet.of(inputs)) {
            if (Files.exists(project)) {
                try (ProjectStore store = ProjectStore.open(project)) {
                    return new Importer(store).run(sources, options, progress, cancel);
                }
            }
            Path folder = project.toAbsolutePath().getParent();
            if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new BadInputException(project.toString(), "cannot create the project: " + folder
                        + " is a file, not a folder");
            }
            if (folder != null && !Files.isDirectory(folder)) {
                throw new BadInputException(project.toString(), "cannot create the project: the folder " + folder
                        + " does not exist; create it first (import creates the project file, not its folder)");
            }
            if (Files.isSymbolicLink(project)) {
                throw new BadInputException(project.toString(), "cannot create the project: it is a link to "
                        + readLink(project) + ", which does not exist");
            }
            if (project.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
                throw new BadInputException(project.toString(), "cannot create: file name too long");
            }
            // A random name: no other import (another process, container or machine sharing the
            // folder) can have it, and nothing else deletes such files. Short, so that any name the
            // project may have leaves room for it.
            Path staging = project.toAbsolutePath().resolveSibling(".afimport-"
                    + java.util.UUID.randomUUID().toString().substring(0, 18));
            ProjectStore store;
            try {
                store = ProjectStore.createPrivate(staging); // decision 0114
            } catch (BadInputException e) {
                ProjectStore.deleteFiles(staging);
                // what stops the hidden file stops the project: say it of the project
                throw new BadInputException(project.toString(), null, null, e.reason(), e);
            } catch (RuntimeException e) {
                ProjectStore.deleteFiles(staging); // e.g. the disk filled while SQLite made the new file
                throw e;
            }
            boolean keep = false;
            Throwable failed = null;
            try {
                ImportResult r = new Importer(store).run(sources, options, progress, cancel);
                keep = !r.cancelled() || !isEmpty(store);
                return r;
            } catch (RuntimeException | Error e) {
                failed = e;
                try {
                    keep = !isEmpty(store);
                } catch (RuntimeException unreadable) {
                    keep = true;
                    e.addSuppressed(unreadable);
                }
                throw e;
            } finally {
                RuntimeException notClosed = null;
                try {
                    store.close(); // the only user: puts the file in WAL mode, as projects are kept
                } catch (RuntimeException e) {
                    notClosed = e;
                }
                if (keep) {
                    try {
                        publish(staging, project);
                    } catch (RuntimeException notPlaced) {
                        if (notClosed != null) {
                            notPlaced.addSuppressed(notClosed);
                        }
                        notClosed = notPlaced;
                    }
                } else {
                    ProjectStore.deleteFiles(staging);
                }
                if (notClosed != null) {
                    if (failed == null) {
                        throw notClosed;
                    }
                    failed.addSuppressed(notClosed); // the import's own error is the one to show
                }
            }
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    /** Whether nothing has gone into the project: no transcript, no rater. */
    private static boolean isEmpty(ProjectStore store) {
        return store.transcripts().count() == 0 && store.raters().count() == 0;
    }

    /**
     * Puts the project built at {@code staging} in place at {@code project}, never over a file
     * there: a hard link fails when the name is taken (a rename would replace it). When it cannot
     * be put in place, the work is renamed to a visible project beside it, which nothing deletes,
     * and the error names it.
     */
    private static void publish(Path staging, Path project) {
        Path log = staging.resolveSibling(staging.getFileName() + "-wal");
        Path journal = staging.resolveSibling(staging.getFileName() + "-journal");
        try {
            if (Files.exists(log) && Files.size(log) > 0) {
                // closing should have copied the log into the file; if not, the file alone is not the project
                throw new IOException("the new project's log was not copied into it");
            }
            if (ProjectStore.unfinishedJournal(staging)) {
                // a transaction was not finished: only SQLite, opening the file under this name, can undo it
                throw new IOException("the new project's last transaction was not finished");
            }
            Files.deleteIfExists(log);
            Files.deleteIfExists(journal);
            Files.deleteIfExists(staging.resolveSibling(staging.getFileName() + "-shm"));
            // Its writes were not waited for (decision 0114): on the disk before the project has a name.
            // Opened for writing: on Windows a flush through a read-only handle does nothing.
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(staging,
                    java.nio.file.StandardOpenOption.READ, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.createLink(project, staging);
                Files.delete(staging);
            } catch (UnsupportedOperationException | java.nio.file.FileSystemException linkless) {
                if (linkless instanceof java.nio.file.FileAlreadyExistsException) {
                    throw linkless;
                }
                Files.move(staging, project); // no hard links here: checks the name, then renames
            }
            syncFolder(project);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            Path kept = keep(staging, project);
            throw new org.afannotator.store.StoreException("another program created " + project + " while this import"
                    + " ran; nothing was written to it, and what this import read is kept in " + kept
                    + " (a project: open it, or rename it)", e);
        } catch (IOException e) {
            Path kept = keep(staging, project);
            throw new org.afannotator.store.StoreException("cannot put the new project in place at " + project
                    + " (" + e.getMessage() + "); what this import read is kept in " + kept, e);
        }
    }

    /** Writes the folder's entries (the project's new name) to the disk, where the system allows it. */
    private static void syncFolder(Path project) {
        Path folder = project.toAbsolutePath().getParent();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(folder,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notHere) {
            // Windows cannot open a folder so; its file system writes names through itself
        }
    }

    /**
     * Renames an import's hidden file to a visible project beside {@code project}; the hidden name
     * if that fails. A transaction left unfinished in its journal is undone first, so that the
     * file is renamed alone (renamed apart from its journal, it would open with the transaction
     * half written); if that cannot be done, both stay under the hidden name.
     */
    private static Path keep(Path staging, Path project) {
        if (ProjectStore.unfinishedJournal(staging)) {
            try {
                ProjectStore.undoUnfinished(staging);
            } catch (RuntimeException stillOpen) {
                return staging;
            }
        }
        String name = project.getFileName().toString();
        String stem = name.endsWith(".afproj") ? name.substring(0, name.length() - ".afproj".length()) : name;
        String tag = staging.getFileName().toString().substring(".afimport-".length(), ".afimport-".length() + 8);
        Path kept = project.resolveSibling(stem + ".recovered-" + tag + ".afproj");
        try {
            Files.deleteIfExists(staging.resolveSibling(staging.getFileName() + "-journal")); // finished with
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = staging.resolveSibling(staging.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, kept.resolveSibling(kept.getFileName() + suffix));
                }
            }
            Files.move(staging, kept);
            return kept;
        } catch (IOException e) {
            return staging;
        }
    }

    /** Imports into an open project (the app's). Run it off the FX thread. */
    public ImportResult importInto(ProjectStore store, List<Path> inputs, ImportOptions options,
                                   ProgressListener progress, CancelToken cancel) {
        try (SourceSet sources = SourceSet.of(inputs)) {
            return new Importer(store).run(sources, options, progress, cancel);
        }
    }

    /** Imports into the session's project (the window's). Run it off the FX thread. */
    public ImportResult importInto(ProjectSession session, List<Path> inputs, ImportOptions options,
                                   ProgressListener progress, CancelToken cancel) {
        return importInto(session.store(), inputs, options, progress, cancel);
    }

    /**
     * One line on what the inputs hold, e.g. "Redwood json_outputs (12 files), classifier
     * predictions (1 file)"; files inside folders or archives that no importer reads are counted
     * as left out.
     *
     * @throws BadInputException for a missing input, or a file named directly that cannot be imported
     */
    public String describe(List<Path> inputs, ImportOptions options) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int leftOut = 0;
        try (SourceSet sources = SourceSet.of(inputs)) {
            for (Source s : sources.sources()) {
                try {
                    String name = options.format() != null ? options.format().displayName()
                            : FormatDetector.detect(s, options.mapping()).format().displayName();
                    counts.merge(name, 1, Integer::sum);
                } catch (BadInputException e) {
                    if (s.named()) {
                        throw e;
                    }
                    leftOut++;
                }
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        counts.forEach((name, n) -> parts.add(name + " (" + n + (n == 1 ? " file)" : " files)")));
        if (leftOut > 0) {
            parts.add(leftOut + (leftOut == 1 ? " other file" : " other files") + " left out");
        }
        return parts.isEmpty() ? "no files" : String.join(", ", parts);
    }

    /** The result as lines for people to read (the window's summary, the command's text output). */
    public static List<String> summaryLines(ImportResult r) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("files imported:    " + r.files());
        lines.add("transcripts added: " + r.transcriptsAdded());
        lines.add("duplicates:        " + r.duplicates());
        lines.add("predictions added: " + r.predictionsAdded());
        lines.add("annotations added: " + r.annotationsAdded());
        lines.add("skipped:           " + r.skipped().size());
        for (ImportResult.Skipped s : r.skipped()) {
            lines.add("  " + s.file() + ": " + (s.record() == null ? "" : "record " + s.record() + ": ") + s.reason());
        }
        if (r.cancelled()) {
            lines.add("cancelled: the file being read was rolled back; the files before it stay imported");
        }
        return lines;
    }

    /**
     * The format of each file behind the inputs (for the dialog's preview): format code, or the
     * reason it cannot be imported.
     */
    public Map<String, String> detectFormats(List<Path> inputs, ImportOptions options) {
        Map<String, String> out = new LinkedHashMap<>();
        try (SourceSet sources = SourceSet.of(inputs)) {
            for (Source s : sources.sources()) {
                try {
                    out.put(s.name(), FormatDetector.detect(s, options.mapping()).format().code());
                } catch (BadInputException e) {
                    out.put(s.name(), "not importable: " + e.getMessage());
                }
            }
        }
        return out;
    }
}
