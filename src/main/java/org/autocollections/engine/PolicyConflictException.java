package org.autocollections.engine;

/**
 * The active policy reached no single answer where one is required (two buckets for one case, say): a fault of the
 * ruleset, not of the request, reported with the rules involved so an analyst can mend the table.
 */
public class PolicyConflictException extends RuntimeException {
    public PolicyConflictException(String message) {
        super(message);
    }
}
