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

    /** {@code e} itself or the change it was a symptom of: a {@link ProjectChangedException} raised while closing. */
    public static Throwable cause(Throwable e) {
        if (e instanceof ProjectChangedException) {
            return e;
        }
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof ProjectChangedException) {
                return s;
            }
        }
        return e;
    }
}
