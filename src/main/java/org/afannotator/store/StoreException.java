package org.afannotator.store;

/** A database failure that is not the user's input: disk full, locked too long, a bug. */
public class StoreException extends RuntimeException {
    private final boolean retryable;

    public StoreException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param retryable the same write may succeed later without any change to it: the disk was
     *     full, the file busy or unreadable for a while
     */
    public StoreException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public StoreException(String message) {
        this(message, null, false);
    }

    /** Whether the same write may succeed if tried again later (disk full, busy, an I/O error). */
    public boolean retryable() {
        return retryable;
    }
}
