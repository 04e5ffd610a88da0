package org.autocollections.cases;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** An entry id reused for different facts: a client bug the service must not paper over. */
public class EntryConflictException extends WordedException {
    public EntryConflictException(String entryId) {
        super(Message.of("entry-conflict.detail", entryId));
    }
}
