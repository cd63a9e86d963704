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

    /**
     * The change a store failure was a symptom of ({@link ProjectChangedException} raised while
     * closing the store, which try-with-resources adds to the failure as suppressed), else
     * {@code e} itself. Only a failure of the store is taken for a symptom: a bad file name or
     * option met while reading stays what it is.
     */
    public static <T extends Throwable> Throwable cause(T e) {
        if (e instanceof StoreException && !(e instanceof ProjectChangedException)) {
            for (Throwable s : e.getSuppressed()) {
                if (s instanceof ProjectChangedException) {
                    return s;
                }
            }
        }
        return e;
    }
}
