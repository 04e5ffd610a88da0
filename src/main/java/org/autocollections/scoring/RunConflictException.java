package org.autocollections.scoring;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** The run asked for cannot be started or resumed as asked (cancelled, or split into another number of shards). */
public class RunConflictException extends WordedException {
    public RunConflictException(Message message) {
        super(message);
    }
}
