package org.autocollections.observability;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Failures as they may be logged. Personal data (a customer id, a name, a phone number) must never reach a log, and a
 * library's exception may quote the data it failed on: a JDBC driver the values of a row, a parser its input. So a
 * failure is logged with its classes and stack frames, and with the messages of the service's own exceptions only,
 * which are written to name cases, rules and versions and nothing of the borrower.
 */
public final class LogSafe {

    private static final String OWN_PACKAGE = "org.autocollections.";

    private LogSafe() {
    }

    /** The failure with every message not written by the service withheld, causes and suppressed ones included. */
    public static Throwable redact(Throwable failure) {
        return failure == null ? null : redact(failure, new IdentityHashMap<>());
    }

    /** One line: the failure's class, and its message if the service wrote it. */
    public static String describe(Throwable failure) {
        return redact(failure).toString();
    }

    private static Throwable redact(Throwable t, Map<Throwable, Redacted> done) {
        Redacted known = done.get(t);
        if (known != null) {
            return known;
        }
        Redacted copy = new Redacted(t.getClass().getName(), isOwn(t) ? t.getMessage() : null);
        done.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(redact(t.getCause(), done));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(redact(suppressed, done));
        }
        return copy;
    }

    private static boolean isOwn(Throwable t) {
        return t.getClass().getName().startsWith(OWN_PACKAGE);
    }

    /** Stands for a failure in a log; prints as the original class with its message or "(message withheld)". */
    static final class Redacted extends RuntimeException {
        private final String type;

        Redacted(String type, String message) {
            super(message);
            this.type = type;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // the original's frames are set instead
        }

        @Override
        public String toString() {
            return getMessage() == null ? type + " (message withheld)" : type + ": " + getMessage();
        }
    }
}
