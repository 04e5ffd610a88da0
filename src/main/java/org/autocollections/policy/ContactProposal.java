package org.autocollections.policy;

/**
 * A channel a row of the contact-method table proposes, with the row's precedence (1 first). The contact rules take
 * the proposal of lowest precedence, so the table reads top to bottom as "the first row that applies".
 */
public final class ContactProposal {

    private final int precedence;
    private final String channel;
    private final String scriptId;
    private final String why;

    public ContactProposal(int precedence, String channel, String scriptId, String why) {
        this.precedence = precedence;
        this.channel = channel.trim();
        this.scriptId = scriptId == null || scriptId.isBlank() || "-".equals(scriptId.trim()) ? null : scriptId.trim();
        this.why = why;
    }

    public int getPrecedence() {
        return precedence;
    }

    public String getChannel() {
        return channel;
    }

    public String getScriptId() {
        return scriptId;
    }

    public String getWhy() {
        return why;
    }
}
