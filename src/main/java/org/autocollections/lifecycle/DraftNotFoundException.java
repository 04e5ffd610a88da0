package org.autocollections.lifecycle;

/** No draft with that id, or no table of that name in a version. */
public class DraftNotFoundException extends RuntimeException {
    public DraftNotFoundException(String message) {
        super(message);
    }
}
