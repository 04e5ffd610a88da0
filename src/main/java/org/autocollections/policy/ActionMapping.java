package org.autocollections.policy;

/**
 * Which next action a contact channel or a legal step calls for (PHONE: CALL; DEMAND_NOTICE: SEND_DEMAND_NOTICE),
 * from the next-action table.
 */
public final class ActionMapping {

    private final String kind;
    private final String from;
    private final String action;

    public ActionMapping(String kind, String from, String action) {
        this.kind = kind.trim();
        this.from = from.trim();
        this.action = action.trim();
    }

    /** CHANNEL or LEGAL. */
    public String getKind() {
        return kind;
    }

    public String getFrom() {
        return from;
    }

    public String getAction() {
        return action;
    }
}
