package org.autocollections.policy;

/**
 * One figure of the contact-frequency rules of a jurisdiction, from the contact-frequency table: a contact window
 * (hours), a cap per day or per seven days, or a cooling-off period after a conversation.
 */
public final class ContactLimit {

    /** The kinds of limit the frequency rules know. */
    public enum Kind {
        /** Earliest local hour a contact may start. */
        WINDOW_START,
        /** Local hour by which contacts must end. */
        WINDOW_END,
        /** Attempts per local day. */
        ATTEMPTS_PER_DAY,
        /** Conversations (connected calls) per local day. */
        CONVERSATIONS_PER_DAY,
        /** Attempts in any seven consecutive days. */
        ATTEMPTS_PER_7_DAYS,
        /** Days after a conversation, that day counting as day 1, in which the channel may not be used. */
        QUIET_DAYS_AFTER_CONVERSATION
    }

    private final String jurisdiction;
    private final String channel;
    private final Kind kind;
    private final int value;
    private final String source;
    /** The channels, split once: a limit is built once per ruleset and asked about in every decision. */
    private final java.util.List<String> channels;

    public ContactLimit(String jurisdiction, String channel, String kind, int value, String source) {
        this.jurisdiction = jurisdiction.trim();
        this.channel = channel.trim();
        this.kind = Kind.valueOf(kind.trim());
        this.value = value;
        this.source = source;
        this.channels = java.util.Arrays.asList(this.channel.split("[,;\\s]+"));
    }

    public String getJurisdiction() {
        return jurisdiction;
    }

    /** The channels the limit applies to, separated by spaces or commas. */
    public String getChannel() {
        return channel;
    }

    public Kind getKind() {
        return kind;
    }

    public int getValue() {
        return value;
    }

    public String getSource() {
        return source;
    }

    public boolean appliesTo(String contactChannel) {
        return channels.contains(contactChannel);
    }
}
