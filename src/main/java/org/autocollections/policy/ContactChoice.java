package org.autocollections.policy;

import org.autocollections.api.ReasonArea;

/** The channel chosen for the next contact, and the script the collector follows. */
public final class ContactChoice extends Conclusion {

    private final String channel;
    private final String scriptId;
    private final String why;

    public ContactChoice(String channel, String scriptId, String why) {
        this.channel = channel;
        this.scriptId = scriptId;
        this.why = why;
    }

    public String getChannel() {
        return channel;
    }

    public String getScriptId() {
        return scriptId;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.CONTACT;
    }

    @Override
    public String code() {
        return "CHANNEL_" + channel;
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "channel" -> channel;
            case "script" -> scriptId;
            case "why" -> why;
            default -> null;
        };
    }
}
