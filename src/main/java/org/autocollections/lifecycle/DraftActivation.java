package org.autocollections.lifecycle;

import org.autocollections.ruleset.Activation;

/**
 * A lifecycle step that makes a draft's version serve: an approved draft's activation, or a rollback to a retired
 * one. {@code expected} is the status the draft had when the step was asked for; if it changed meanwhile, the
 * activation is refused.
 */
record DraftActivation(long draftId, DraftStatus expected, String origin, String actor, String note)
        implements Activation.Reason {
}
