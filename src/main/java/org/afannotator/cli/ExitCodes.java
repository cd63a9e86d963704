package org.afannotator.cli;

/** Exit codes of the command line; documented in {@code --help} and the README. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /**
     * Bad input: a missing or unreadable file, a file that is not a project, a rejected record, an
     * output path the file system refuses ({@link org.afannotator.domain.WriteFailure}).
     */
    public static final int BAD_INPUT = 1;
    /** Bad command line: unknown subcommand or option, missing argument. */
    public static final int USAGE = 2;
    /** Something failed that is not the input's fault (disk full while writing, project busy, a bug). */
    public static final int FAILURE = 3;
    /**
     * Done, but some work was left out and needs a person: everything that could be written was,
     * and what was not is listed in the output (merge: conflicts or rejected units).
     */
    public static final int WORK_LEFT_OUT = 4;

    private ExitCodes() {
    }
}
