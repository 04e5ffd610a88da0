package org.autocollections.scoring;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** No run has that id. */
public class RunNotFoundException extends WordedException {
    public RunNotFoundException(String runId) {
        super(Message.of("run-not-found.detail", runId));
    }
}
