package org.autocollections.policy;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.autocollections.api.ReasonArea;
import org.autocollections.policy.LimitationEvents.Dated;
import org.autocollections.policy.LimitationInterruption.Effect;

/**
 * The limitation period for suing on the debt. It runs from the oldest unpaid due date for the years of the
 * jurisdiction's (or US state's) row, and each event the table says restarts it, taken while it runs, makes it run
 * afresh from that day (PRC Civil Code arts. 188 and 195); an event the table says revives an expired period does
 * the same after it has run out (art. 192(2)). Where an event's effect is UNSURE and the answer turns on it (the
 * period has run out unless that event restarted or revived it), the period is UNCERTAIN and the case goes to legal
 * review; where the table has no period for the case, it is UNKNOWN.
 */
public final class Limitation extends Conclusion {

    public enum Status { RUNNING, EXPIRED, UNCERTAIN, UNKNOWN }

    private final Status status;
    private final LimitationPeriod period;
    private final Reading reading;

    /** One way of reading the events: counting those of UNSURE effect, or not. */
    private record Reading(LocalDate from, LocalDate expiresOn, Dated by, Dated doubt) {
    }

    private Limitation(Status status, LimitationPeriod period, Reading reading) {
        this.status = status;
        this.period = period;
        this.reading = reading;
    }

    public static Limitation of(CaseFacts facts, Collection<LimitationPeriod> periods, Collection<LimitationInterruption> rows) {
        LimitationPeriod period = LimitationPeriod.forCase(periods, facts).orElse(null);
        if (period == null || period.getYears() == null) {
            return new Limitation(Status.UNKNOWN, period, null);
        }
        List<Dated> events = LimitationEvents.of(facts, rows);
        Reading strict = read(facts.getOldestUnpaidDueDate(), period.getYears(), events, false);
        LocalDate today = facts.getAsOfDate();
        if (!today.isAfter(strict.expiresOn())) {
            return new Limitation(Status.RUNNING, period, strict);
        }
        Reading generous = read(facts.getOldestUnpaidDueDate(), period.getYears(), events, true);
        return today.isAfter(generous.expiresOn()) ? new Limitation(Status.EXPIRED, period, generous)
                : new Limitation(Status.UNCERTAIN, period, new Reading(strict.from(), strict.expiresOn(), strict.by(), generous.doubt()));
    }

    private static Reading read(LocalDate start, int years, List<Dated> events, boolean countUnsure) {
        LocalDate from = start;
        LocalDate expires = start.plusYears(years);
        Dated by = null;
        Dated doubt = null;
        for (Dated event : events) {
            if (!event.on().isAfter(from)) {
                continue;
            }
            Effect effect = event.on().isAfter(expires) ? event.row().getRevives() : event.row().getRestarts();
            if (effect == Effect.YES || (effect == Effect.UNSURE && countUnsure)) {
                from = event.on();
                expires = from.plusYears(years);
                by = event;
                doubt = effect == Effect.UNSURE ? event : doubt;
            }
        }
        return new Reading(from, expires, by, doubt);
    }

    /** The last day of the period; null when it is unknown. */
    public LocalDate getExpiresOn() {
        return reading == null ? null : reading.expiresOn();
    }

    public boolean isExpired() {
        return status == Status.EXPIRED;
    }

    /** The period has run out unless an event of UNSURE effect restarted or revived it: for counsel to say. */
    public boolean isUncertain() {
        return status == Status.UNCERTAIN;
    }

    /** The table gives no period for the case's jurisdiction or US state. */
    public boolean isUnknown() {
        return status == Status.UNKNOWN;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.LEGAL;
    }

    @Override
    public String code() {
        return "LIMITATION_" + status.name();
    }

    @Override
    public Object parameter(String name) {
        return switch (name) {
            case "period" -> period == null ? null : period.getName();
            case "years" -> period == null ? null : period.getYears();
            case "from" -> reading == null ? null : reading.from();
            case "by" -> reading == null || reading.by() == null ? null : reading.by().describe();
            case "expiresOn" -> reading == null ? null : reading.expiresOn();
            case "doubt" -> reading == null || reading.doubt() == null ? null : reading.doubt().describe();
            default -> null;
        };
    }
}
