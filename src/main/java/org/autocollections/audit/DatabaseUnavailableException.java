package org.autocollections.audit;

/** The database cannot be reached; the service answers 503 rather than a decision it could not record. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(Throwable cause) {
        super("The database is unavailable: " + cause.getMessage(), cause);
    }
}
