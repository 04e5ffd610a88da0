package org.autocollections.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.autocollections.domain.BorrowerFlag;
import org.autocollections.domain.CollectionCase;
import org.autocollections.domain.Hardship;
import org.autocollections.domain.History;
import org.autocollections.domain.Jurisdiction;

/**
 * The case as the rules read it: the request plus the measures every area needs, computed once, in the borrower's
 * time zone. Immutable; rules never change it, they insert conclusions beside it.
 */
public final class CaseFacts {

    private final CollectionCase request;
    private final Instant asOf;
    private final ZoneId zone;
    private final LocalDate asOfDate;
    private final int daysPastDue;

    public CaseFacts(CollectionCase request, Instant asOf, ZoneId zone) {
        this.request = request;
        this.asOf = asOf;
        this.zone = zone;
        this.asOfDate = LocalDate.ofInstant(asOf, zone);
        LocalDate due = request.loan().oldestUnpaidDueDate();
        this.daysPastDue = due == null || !due.isBefore(asOfDate) ? 0 : (int) ChronoUnit.DAYS.between(due, asOfDate);
    }

    public CollectionCase getRequest() {
        return request;
    }

    public String getCaseId() {
        return request.caseId();
    }

    public Instant getAsOf() {
        return asOf;
    }

    public ZoneId getZone() {
        return zone;
    }

    /** The calendar day in the borrower's time zone. */
    public LocalDate getAsOfDate() {
        return asOfDate;
    }

    public LocalDateTime getAsOfLocal() {
        return LocalDateTime.ofInstant(asOf, zone);
    }

    public Jurisdiction getJurisdiction() {
        return request.jurisdictionOrDefault();
    }

    public int getDaysPastDue() {
        return daysPastDue;
    }

    public BigDecimal getOutstandingBalance() {
        return request.loan().outstandingBalance();
    }

    public BigDecimal getOverdueAmount() {
        return request.loan().overdueAmount();
    }

    public BigDecimal getAnnualInterestRate() {
        BigDecimal rate = request.loan().annualInterestRate();
        return rate == null ? BigDecimal.ZERO : rate;
    }

    public Hardship getHardship() {
        return request.borrower().hardshipOrNone();
    }

    public Set<BorrowerFlag> getFlags() {
        return request.borrower().flagsOrEmpty();
    }

    public boolean hasFlag(String flag) {
        return getFlags().contains(BorrowerFlag.valueOf(flag));
    }

    public History getHistory() {
        return request.historyOrEmpty();
    }

    public int getBrokenPromises() {
        return getHistory().brokenPromisesOrZero();
    }
}
