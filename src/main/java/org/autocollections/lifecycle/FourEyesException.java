package org.autocollections.lifecycle;

/** Someone tried to approve a draft they uploaded or revised: policy changes need a second person. */
public class FourEyesException extends RuntimeException {
    public FourEyesException(String message) {
        super(message);
    }
}
