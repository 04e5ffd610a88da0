package org.autocollections.ruleset;

/** No ruleset version of that name is kept in the archive. */
public class RulesetVersionNotFoundException extends RuntimeException {
    public RulesetVersionNotFoundException(String version) {
        super("No ruleset version " + version + " is kept; drafts and activated versions are");
    }
}
