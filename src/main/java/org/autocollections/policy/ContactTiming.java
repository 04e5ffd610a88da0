package org.autocollections.policy;

import java.time.Instant;
import java.util.List;

import org.autocollections.api.ReasonArea;

/** When the chosen channel may next be used, and how many attempts remain under the caps. */
public final class ContactTiming extends Conclusion {

    private final String channel;
    private final Instant earliest;
    private final Integer attemptsLeftToday;
    private final Integer attemptsLeftThisWeek;
    private final List<String> holds;

    ContactTiming(String channel, Instant earliest, Integer attemptsLeftToday, Integer attemptsLeftThisWeek, List<String> holds) {
        this.channel = channel;
        this.earliest = earliest;
        this.attemptsLeftToday = attemptsLeftToday;
        this.attemptsLeftThisWeek = attemptsLeftThisWeek;
        this.holds = List.copyOf(holds);
    }

    public Instant getEarliest() {
        return earliest;
    }

    public Integer getAttemptsLeftToday() {
        return attemptsLeftToday;
    }

    public Integer getAttemptsLeftThisWeek() {
        return attemptsLeftThisWeek;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.FREQUENCY;
    }

    @Override
    public String code() {
        return holds.isEmpty() ? "CONTACT_NOW" : "CONTACT_DEFERRED";
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "channel" -> channel;
            case "earliest" -> earliest;
            case "holds" -> holds.isEmpty() ? null
                    : String.join("; ", holds.size() > 3 ? holds.subList(holds.size() - 3, holds.size()) : holds);
            default -> null;
        };
    }
}
