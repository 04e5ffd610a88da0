package org.autocollections.scoring;

/** The run asked for cannot be started or resumed as asked (cancelled, or split into another number of shards). */
public class RunConflictException extends RuntimeException {
    public RunConflictException(String message) {
        super(message);
    }
}
