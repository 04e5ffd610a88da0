package org.autocollections.policy;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.autocollections.api.ReasonArea;

/**
 * The limitation period for suing on the debt: it runs from the latest of the oldest unpaid due date, the last
 * payment, the last acknowledgement (a conversation or promise) and the last legal action, each of which restarts it
 * (PRC Civil Code articles 188 and 195).
 */
public final class Limitation extends Conclusion {

    private final LocalDate runsFrom;
    private final LocalDate expiresOn;
    private final boolean expired;

    private Limitation(LocalDate runsFrom, LocalDate expiresOn, LocalDate asOf) {
        this.runsFrom = runsFrom;
        this.expiresOn = expiresOn;
        this.expired = expiresOn != null && asOf.isAfter(expiresOn);
    }

    public static Limitation of(CaseFacts facts, int years) {
        LocalDate from = Stream.of(facts.getOldestUnpaidDueDate(), facts.getLastPaymentOn(), facts.getLastAcknowledgedOn(),
                        facts.getLastLegalActionOn())
                .filter(d -> d != null && !d.isAfter(facts.getAsOfDate()))
                .max(LocalDate::compareTo).orElse(null);
        return new Limitation(from, from == null ? null : from.plusYears(years), facts.getAsOfDate());
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public boolean isExpired() {
        return expired;
    }

    @Override
    public ReasonArea area() {
        return ReasonArea.LEGAL;
    }

    @Override
    public String code() {
        return expired ? "LIMITATION_EXPIRED" : "LIMITATION_RUNNING";
    }

    @Override
    public String message() {
        return "limitation period runs from " + runsFrom + (expired ? " and expired on " : " and expires on ") + expiresOn;
    }
}
