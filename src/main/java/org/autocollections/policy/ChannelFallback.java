package org.autocollections.policy;

import java.util.Arrays;
import java.util.List;

/** Where to turn when the borrower has not consented to a channel: the next channels to try, in order. */
public final class ChannelFallback {

    private final String channel;
    private final List<String> fallbacks;

    public ChannelFallback(String channel, String fallbacks) {
        this.channel = channel.trim();
        this.fallbacks = Arrays.stream(fallbacks.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getChannel() {
        return channel;
    }

    public List<String> getFallbacks() {
        return fallbacks;
    }

    /** The first fallback the borrower permits, or NONE. */
    public String firstPermitted(CaseFacts facts) {
        return fallbacks.stream().filter(facts::permits).findFirst().orElse("NONE");
    }
}
