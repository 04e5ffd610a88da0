package org.autocollections.lifecycle;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** No draft with that id, or no table of that name in a version. */
public class DraftNotFoundException extends WordedException {

    public DraftNotFoundException(Message message) {
        super(message);
    }

    /** A sentence worded where it is raised, in English: read by the English templates when shown in another language. */
    public DraftNotFoundException(String message) {
        super(Message.verbatim(message));
    }
}
