package org.autocollections.ruleset;

/** No ruleset version of that name is kept, or none fit for what was asked of it: 404 ruleset-version-not-found. */
public class RulesetVersionNotFoundException extends RuntimeException {

    public RulesetVersionNotFoundException(String version) {
        super("No ruleset version " + version + " is kept; drafts and activated versions are");
    }

    private RulesetVersionNotFoundException(String message, Throwable none) {
        super(message, none);
    }

    /** A version that is kept but not as asked (one that never served cannot be rolled back to): the message says how. */
    public static RulesetVersionNotFoundException because(String message) {
        return new RulesetVersionNotFoundException(message, null);
    }
}
