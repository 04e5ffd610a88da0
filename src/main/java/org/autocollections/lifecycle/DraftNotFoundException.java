package org.autocollections.lifecycle;

/** No draft with that id, or no kept version with that name. */
public class DraftNotFoundException extends RuntimeException {
    public DraftNotFoundException(String message) {
        super(message);
    }
}
