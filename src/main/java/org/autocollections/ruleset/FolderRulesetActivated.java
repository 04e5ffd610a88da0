package org.autocollections.ruleset;

/**
 * Fired, inside the transaction that records the activation, when the folders' files (not a draft) become the active
 * ruleset, so the lifecycle can list that version beside the drafts.
 */
public record FolderRulesetActivated(Ruleset ruleset, String actor) {
}
