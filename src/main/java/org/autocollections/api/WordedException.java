package org.autocollections.api;

/**
 * A failure a caller reads about: it keeps its sentence as key and values, worded in the caller's language when the
 * problem leaves, and in English as its message for the logs.
 */
public abstract class WordedException extends RuntimeException {

    private final transient Message words;

    protected WordedException(Message words) {
        super(words.english());
        this.words = words;
    }

    public Message words() {
        return words;
    }
}
