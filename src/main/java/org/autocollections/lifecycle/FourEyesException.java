package org.autocollections.lifecycle;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** Someone tried to approve a draft they uploaded or revised: policy changes need a second person. */
public class FourEyesException extends WordedException {
    public FourEyesException(Message message) {
        super(message);
    }
}
