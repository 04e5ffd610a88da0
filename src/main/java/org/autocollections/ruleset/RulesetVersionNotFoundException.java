package org.autocollections.ruleset;

import org.autocollections.api.Message;
import org.autocollections.api.WordedException;

/** No ruleset version of that name is kept, or none fit for what was asked of it: 404 ruleset-version-not-found. */
public class RulesetVersionNotFoundException extends WordedException {

    public RulesetVersionNotFoundException(String version) {
        this(Message.of("ruleset-version-not-found.detail", version));
    }

    private RulesetVersionNotFoundException(Message message) {
        super(message);
    }

    /** A version that is kept but not as asked (one that never served cannot be rolled back to): the message says how. */
    public static RulesetVersionNotFoundException because(Message message) {
        return new RulesetVersionNotFoundException(message);
    }
}
