package org.afannotator.store;

/**
 * A project read as it stands (SQLite's immutable mode, {@link ProjectStore#openToRead}) changed
 * while it was read: what was read may be wrong. When a read fails because of the change (a page
 * that no longer fits the others reads as "malformed"), this is the cause to report.
 */
public final class ProjectChangedException extends StoreException {
    public ProjectChangedException(String message) {
        super(message);
    }

    public ProjectChangedException(String message, Throwable symptom) {
        super(message, symptom);
    }

    /**
     * The change a store failure was a symptom of, else {@code e} itself: when closing the store
     * found the file changed ({@link ProjectChangedException}, which try-with-resources adds to
     * the failure as suppressed), a new one with the same message and {@code e} as its cause.
     * Only a failure of the store is taken for a symptom: a bad output path met while reading
     * stays what it is.
     */
    public static Throwable cause(Throwable e) {
        ProjectChangedException change = e instanceof StoreException ? changeBehind(e) : null;
        return change != null ? change : e;
    }

    /**
     * The same for a failure of any kind in work that only reads the changed file (a garbled
     * value read from it can fail as a parse error, not a store error).
     */
    public static RuntimeException ofRead(RuntimeException e) {
        ProjectChangedException change = changeBehind(e);
        return change != null ? change : e;
    }

    private static ProjectChangedException changeBehind(Throwable e) {
        if (!(e instanceof ProjectChangedException)) {
            for (Throwable s : e.getSuppressed()) {
                if (s instanceof ProjectChangedException) {
                    return new ProjectChangedException(s.getMessage(), e);
                }
            }
        }
        return null;
    }
}
