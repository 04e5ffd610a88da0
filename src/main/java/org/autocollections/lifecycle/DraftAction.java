package org.autocollections.lifecycle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step on a draft and whether the caller may take it now; if not, what blocks it, in a sentence for the page. */
@Schema(name = "DraftAction", description = "A step the caller may or may not take on the draft now, as the server "
        + "will decide it: the analyst's page shows these rather than working out roles and the four-eyes rule itself.")
public record DraftAction(
        @Schema(enumeration = { "revise", "approve", "reject", "activate", "rollback" }) String name,
        boolean allowed,
        @Schema(nullable = true, description = "null when allowed") Blocker blockedBy,
        @Schema(nullable = true, description = "Why not, in a sentence for the page; null when allowed") String why) {

    /** What keeps a caller from a step. */
    public enum Blocker {
        /** The draft's status does not allow the step (approve a draft with errors, activate one not approved). */
        STATUS,
        /** The caller's roles do not (only an approver approves; only an approver or an author rejects). */
        ROLE,
        /** The caller uploaded or revised the draft, so a second person must approve it. */
        FOUR_EYES
    }
}
