package org.afannotator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A refused output path is the user's input (exit 1); a write that fails for want of room is not (exit 3). */
class WriteFailureTest {
    static final Path OUT = Path.of("out", "report.html");

    @Test
    void aPathTheFileSystemRefusesIsBadInputNamingIt() {
        for (IOException e : new IOException[] {new AccessDeniedException("out/report.html"),
                new NoSuchFileException("out/report.html"), new FileSystemException("out/report.html", null, "Not a directory"),
                new FileSystemException("out/report.html", null, "Read-only file system"),
                new FileSystemException("out/report.html", null, "File name too long"),
                new FileNotFoundException("out/report.html (Permission denied)")}) {
            RuntimeException r = WriteFailure.of(OUT, "cannot write", e);
            assertThat(r).as(e.toString()).isInstanceOf(BadInputException.class);
            assertThat(r.getMessage()).startsWith(OUT + ": cannot write: ");
        }
        assertThat(WriteFailure.of(OUT, "cannot write", new FileSystemException("x", null, "Is a directory")).getMessage())
                .isEqualTo(OUT + ": cannot write: is a directory");
    }

    @Test
    void aFullDiskOrAnIoErrorIsAFailureThatIsNotTheInputs() {
        for (IOException e : new IOException[] {new IOException("No space left on device"),
                new FileSystemException("out/report.html", null, "No space left on device"),
                new FileSystemException("out/report.html", null, "Disk quota exceeded"),
                new FileNotFoundException("out/report.html (No space left on device)"),
                new IOException("Input/output error")}) {
            RuntimeException r = WriteFailure.of(OUT, "cannot write", e);
            assertThat(r).as(e.toString()).isInstanceOf(UncheckedIOException.class).isNotInstanceOf(BadInputException.class);
            assertThat(r.getMessage()).startsWith(OUT + ": cannot write: ");
        }
    }
}
