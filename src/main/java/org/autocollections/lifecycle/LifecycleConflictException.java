package org.autocollections.lifecycle;

/** The step asked for does not fit where the draft stands (approve a draft with errors, activate before approval). */
public class LifecycleConflictException extends RuntimeException {
    public LifecycleConflictException(String message) {
        super(message);
    }
}
