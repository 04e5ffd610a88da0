package org.autocollections.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

import org.autocollections.api.ContactAttempt;

/**
 * When the chosen channel may next be used: the first instant at or after asOf, in the borrower's local time, that
 * lies inside the contact window and breaks no cap of the jurisdiction's contact-frequency table, counting the
 * contacts already made. The figures come from the table; this class only counts days and hours.
 */
public final class ContactSchedule {

    /** How far ahead to look; a year is far beyond any cap in the table. */
    private static final int HORIZON_DAYS = 400;

    private final CaseFacts facts;
    private final String channel;
    /** The tightest cap of each kind that applies to the channel in the jurisdiction, by {@link ContactLimit.Kind}. */
    private final OptionalInt[] limits = new OptionalInt[ContactLimit.Kind.values().length];
    /** The local day of each contact already made on the channel, and whether it was a conversation. */
    private final LocalDate[] madeOn;
    private final boolean[] conversation;

    private ContactSchedule(CaseFacts facts, String channel, Collection<ContactLimit> limits) {
        this.facts = facts;
        this.channel = channel;
        List<ContactLimit> applying = limits.stream()
                .filter(l -> l.getJurisdiction().equals(facts.getJurisdiction()) && l.appliesTo(channel)).toList();
        for (ContactLimit.Kind kind : ContactLimit.Kind.values()) {
            this.limits[kind.ordinal()] = applying.stream().filter(l -> l.getKind() == kind).mapToInt(ContactLimit::getValue).min();
        }
        List<ContactAttempt> made = facts.getContacts().stream()
                .filter(c -> c.channel().name().equals(channel) && !c.at().toInstant().isAfter(facts.getAsOf()))
                .toList();
        this.madeOn = new LocalDate[made.size()];
        this.conversation = new boolean[made.size()];
        for (int i = 0; i < made.size(); i++) {
            madeOn[i] = LocalDate.ofInstant(made.get(i).at().toInstant(), facts.getZone());
            conversation[i] = CaseFacts.isConversation(made.get(i).outcome());
        }
    }

    public static ContactTiming plan(CaseFacts facts, String channel, Collection<ContactLimit> limits) {
        return new ContactSchedule(facts, channel, limits).timing();
    }

    private ContactTiming timing() {
        List<String> holds = new ArrayList<>();
        LocalDate today = facts.getAsOfDate();
        Instant earliest = null;
        for (int offset = 0; offset <= HORIZON_DAYS && earliest == null; offset++) {
            LocalDate day = today.plusDays(offset);
            String blocked = blockedOn(day);
            if (blocked != null) {
                holds.add(blocked);
                continue;
            }
            LocalTime from = offset == 0 ? facts.getAsOfLocal().toLocalTime() : LocalTime.MIDNIGHT;
            OptionalInt start = limit(ContactLimit.Kind.WINDOW_START);
            OptionalInt end = limit(ContactLimit.Kind.WINDOW_END);
            if (start.isPresent() && from.isBefore(LocalTime.of(start.getAsInt(), 0))) {
                from = LocalTime.of(start.getAsInt(), 0);
                holds.add("contact hours start at " + from);
            }
            if (end.isPresent() && end.getAsInt() < 24 && !from.isBefore(LocalTime.of(end.getAsInt(), 0))) {
                holds.add("contact hours end at " + LocalTime.of(end.getAsInt(), 0));
                continue;
            }
            earliest = ZonedDateTime.of(day, from, facts.getZone()).toInstant();
        }
        return new ContactTiming(channel, earliest, leftToday(earliest), leftThisWeek(), holds);
    }

    /** Why the channel may not be used on that day at all, or null if it may. */
    private String blockedOn(LocalDate day) {
        OptionalInt perDay = limit(ContactLimit.Kind.ATTEMPTS_PER_DAY);
        if (perDay.isPresent() && attemptsOn(day) >= perDay.getAsInt()) {
            return perDay.getAsInt() + " " + channel + " attempts a day reached on " + day;
        }
        OptionalInt conversations = limit(ContactLimit.Kind.CONVERSATIONS_PER_DAY);
        if (conversations.isPresent() && conversationsOn(day) >= conversations.getAsInt()) {
            return conversations.getAsInt() + " conversations a day reached on " + day;
        }
        OptionalInt perWeek = limit(ContactLimit.Kind.ATTEMPTS_PER_7_DAYS);
        if (perWeek.isPresent() && attemptsInWeekEnding(day) >= perWeek.getAsInt()) {
            return perWeek.getAsInt() + " " + channel + " attempts in 7 days reached on " + day;
        }
        OptionalInt quiet = limit(ContactLimit.Kind.QUIET_DAYS_AFTER_CONVERSATION);
        LocalDate conversation = lastConversationOnOrBefore(day);
        if (quiet.isPresent() && conversation != null && day.isBefore(conversation.plusDays(quiet.getAsInt()))) {
            return "no " + channel + " within " + quiet.getAsInt() + " days of the conversation on " + conversation;
        }
        return null;
    }

    /**
     * Attempts left today under the daily caps; null when the channel has no daily cap in the jurisdiction (Regulation
     * F caps calls per seven days, not per day). Where there is a daily cap, a seven-day cap nearly used up lowers it.
     */
    private Integer leftToday(Instant earliest) {
        LocalDate today = facts.getAsOfDate();
        OptionalInt perDay = limit(ContactLimit.Kind.ATTEMPTS_PER_DAY);
        OptionalInt conversations = limit(ContactLimit.Kind.CONVERSATIONS_PER_DAY);
        if (perDay.isEmpty() && conversations.isEmpty()) {
            return null;
        }
        List<Integer> remaining = new ArrayList<>();
        perDay.ifPresent(cap -> remaining.add(cap - attemptsOn(today)));
        conversations.ifPresent(cap -> remaining.add(cap - conversationsOn(today)));
        limit(ContactLimit.Kind.ATTEMPTS_PER_7_DAYS).ifPresent(cap -> remaining.add(cap - attemptsInWeekEnding(today)));
        boolean usableToday = earliest != null && today.equals(LocalDate.ofInstant(earliest, facts.getZone()));
        return usableToday ? Math.max(0, remaining.stream().min(Integer::compare).orElseThrow()) : 0;
    }

    private Integer leftThisWeek() {
        OptionalInt perWeek = limit(ContactLimit.Kind.ATTEMPTS_PER_7_DAYS);
        return perWeek.isPresent() ? Math.max(0, perWeek.getAsInt() - attemptsInWeekEnding(facts.getAsOfDate())) : null;
    }

    private OptionalInt limit(ContactLimit.Kind kind) {
        return limits[kind.ordinal()];
    }

    private int attemptsOn(LocalDate day) {
        int count = 0;
        for (LocalDate made : madeOn) {
            if (made.equals(day)) {
                count++;
            }
        }
        return count;
    }

    private int conversationsOn(LocalDate day) {
        int count = 0;
        for (int i = 0; i < madeOn.length; i++) {
            if (madeOn[i].equals(day) && conversation[i]) {
                count++;
            }
        }
        return count;
    }

    /** Attempts in the seven consecutive days ending on (and including) that day. */
    private int attemptsInWeekEnding(LocalDate day) {
        LocalDate first = day.minusDays(6);
        int count = 0;
        for (LocalDate made : madeOn) {
            if (!made.isBefore(first) && !made.isAfter(day)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate lastConversationOnOrBefore(LocalDate day) {
        LocalDate last = null;
        for (int i = 0; i < madeOn.length; i++) {
            if (conversation[i] && !madeOn[i].isAfter(day) && (last == null || madeOn[i].compareTo(last) > 0)) {
                last = madeOn[i];
            }
        }
        return last;
    }
}
