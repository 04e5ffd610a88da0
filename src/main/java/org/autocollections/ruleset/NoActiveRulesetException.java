package org.autocollections.ruleset;

/** Asked to decide before any ruleset compiled: the service is not ready. */
public class NoActiveRulesetException extends RuntimeException {
    public NoActiveRulesetException() {
        super("No ruleset is active yet");
    }
}
