package org.autocollections.cases;

/** An entry id reused for different facts: a client bug the service must not paper over. */
public class EntryConflictException extends RuntimeException {
    public EntryConflictException(String entryId) {
        super("Entry id " + entryId + " was already logged with different details; use a new id for a new entry");
    }
}
