package org.autocollections.scoring;

/** No run has that id. */
public class RunNotFoundException extends RuntimeException {
    public RunNotFoundException(String runId) {
        super("No portfolio run " + runId);
    }
}
