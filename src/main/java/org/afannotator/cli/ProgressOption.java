package org.afannotator.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --[no-]progress}, shared by the long commands: whether to draw a {@link ProgressLine}. */
final class ProgressOption {
    @Option(names = "--progress", negatable = true, description = "a progress line on stderr, redrawn in place"
            + " (default: when stderr is a terminal)")
    Boolean progress;

    /** A progress line on {@code err} when asked for (or, unasked, when stderr is a terminal), else null. */
    ProgressLine open(PrintWriter err) {
        boolean show = progress != null ? progress : ProgressLine.stderrIsTerminal();
        return show ? ProgressLine.open(err, System::nanoTime) : null;
    }
}
