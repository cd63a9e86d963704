package org.afannotator.domain;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * A file the tool was told to write and could not. The rule (exit codes, {@code --help}): when the
 * file system refuses the path itself (no such folder, below a file, a folder in the way, no
 * permission, a read-only file system, a name too long) the user named a path that cannot be
 * written, which is bad input ({@link BadInputException}, exit 1); anything else (disk full, quota,
 * an I/O error) is a failure that is not the input's fault ({@link UncheckedIOException}, exit 3).
 */
public final class WriteFailure {
    /** The system's reasons for refusing a path (strerror texts, as Java reports them). */
    private static final Set<String> PATH_REFUSED = Set.of("no such file or directory", "not a directory",
            "is a directory", "permission denied", "operation not permitted", "read-only file system",
            "file name too long", "too many levels of symbolic links", "file exists");

    private WriteFailure() {
    }

    /**
     * The failure to throw for {@code e}, met while {@code doing} ("cannot write", "cannot create
     * folder") to {@code named}: the file or folder the user knows of (not a temporary name beside it).
     */
    public static RuntimeException of(Path named, String doing, IOException e) {
        String file = named.toString();
        String reason = reason(e);
        if (pathRefused(e)) {
            return new BadInputException(file, null, null, doing + ": " + reason, e);
        }
        return new UncheckedIOException(file + ": " + doing + ": " + reason, e);
    }

    /** Whether {@code e} says the path itself cannot be written (rather than that writing to it failed). */
    public static boolean pathRefused(IOException e) {
        if (e instanceof AccessDeniedException || e instanceof NoSuchFileException || e instanceof NotDirectoryException
                || e instanceof FileAlreadyExistsException) {
            return true;
        }
        if (e instanceof FileSystemException || e instanceof FileNotFoundException) {
            String r = systemReason(e);
            return r != null && PATH_REFUSED.contains(r.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException f) {
            // createDirectories names the file in the way of a folder it was to make
            String in = f.getFile();
            return in != null && java.nio.file.Files.isRegularFile(Path.of(in)) ? in + " is a file, not a folder"
                    : "exists already";
        }
        String r = systemReason(e);
        if (r != null) {
            return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** The system's reason: a FileSystemException's, or the "(...)" at the end of a FileNotFoundException's message. */
    private static String systemReason(IOException e) {
        if (e instanceof FileSystemException f) {
            return f.getReason();
        }
        String m = e.getMessage();
        if (m != null && m.endsWith(")") && m.lastIndexOf(" (") >= 0) {
            return m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
        }
        return null;
    }
}
