package org.autocollections.lifecycle;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** The step asked for does not fit where the draft stands (approve a draft with errors, activate before approval). */
public class LifecycleConflictException extends WordedException {
    public LifecycleConflictException(Message message) {
        super(message);
    }
}
