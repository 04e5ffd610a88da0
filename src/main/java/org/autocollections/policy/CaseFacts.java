package org.autocollections.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Collateral;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.History;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;

/**
 * The case as the rules read it: the request plus the measures the policy's tables compare against, each computed
 * once, in the borrower's time zone. Immutable; rules never change it, they insert conclusions beside it.
 * Measures that may be unknown come with a {@code ...Known} flag, so a table can give unknown its own row.
 *
 * <p>Over 300 lines on purpose: its getters are the words the DRL and the tables' code rows use ({@code CaseFacts(daysPastDue > 0)},
 * {@code CaseFacts(brokenPromises > $max)}), so they stay on one fact type; splitting it would change every rule's patterns and
 * the tables' headers, which analysts' copies of the tables carry too.
 */
public final class CaseFacts {

    /** "Never" for day counts, large enough to pass every "at least N days" test and fail every "within N days". */
    public static final int NEVER = 99_999;

    private final CollectionCase request;
    private final History history;
    private final Instant asOf;
    private final ZoneId zone;
    private final LocalDate asOfDate;
    private final LocalDate dueDate;
    private final int daysPastDue;
    private final BigDecimal loanToValue;
    private final BigDecimal debtToIncome;
    private final double ltv;
    private final double dti;
    /** The latest legal action of each stage in this delinquency, once asked for. */
    private Map<LegalStage, LocalDate> lastLegalByStage;

    public CaseFacts(CollectionCase request, Instant asOf, ZoneId zone) {
        this.request = request;
        this.history = request.historyOrEmpty();
        this.asOf = asOf;
        this.zone = zone;
        this.asOfDate = LocalDate.ofInstant(asOf, zone);
        this.dueDate = request.loan().oldestUnpaidDueDate();
        this.daysPastDue = dueDate == null || !dueDate.isBefore(asOfDate) ? 0 : (int) ChronoUnit.DAYS.between(dueDate, asOfDate);
        this.loanToValue = ratio(request.loan().outstandingBalance(), vehicleValue());
        BigDecimal income = request.borrower().monthlyIncome();
        BigDecimal instalment = orZero(request.loan().monthlyInstalment());
        BigDecimal debts = orZero(request.borrower().monthlyDebtPayments()).add(instalment);
        this.debtToIncome = income == null ? null : ratio(debts, income);
        // Bands compare the exact ratio: rounding first would put 0.79999 in the 0.80 band.
        this.ltv = exactRatio(request.loan().outstandingBalance(), vehicleValue());
        this.dti = income == null ? -1 : exactRatio(debts, income);
    }

    private static double exactRatio(BigDecimal numerator, BigDecimal denominator) {
        return denominator == null || denominator.signum() == 0 ? -1
                : numerator.divide(denominator, java.math.MathContext.DECIMAL64).doubleValue();
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, 4, RoundingMode.HALF_EVEN);
    }

    private BigDecimal vehicleValue() {
        Collateral collateral = request.collateral();
        return collateral == null ? null : collateral.vehicleValue();
    }

    // --- the case and its clock ---------------------------------------------------------------------------------

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

    /** CN or US. */
    public String getJurisdiction() {
        return request.jurisdictionOrDefault().name();
    }

    // --- the loan ------------------------------------------------------------------------------------------------

    public int getDaysPastDue() {
        return daysPastDue;
    }

    public LocalDate getOldestUnpaidDueDate() {
        return dueDate;
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

    public BigDecimal getMonthlyInstalment() {
        return request.loan().monthlyInstalment();
    }

    public int getRemainingTermMonths() {
        Integer months = request.loan().remainingTermMonths();
        return months == null ? 0 : months;
    }

    public boolean isArbitrationClause() {
        return request.loan().hasArbitrationClause();
    }

    // --- collateral ----------------------------------------------------------------------------------------------

    public BigDecimal getVehicleValue() {
        return orZero(vehicleValue());
    }

    /** Outstanding balance over vehicle value, 4 decimals; null when the vehicle's value is unknown. */
    public BigDecimal getLoanToValue() {
        return loanToValue;
    }

    public boolean isLtvKnown() {
        return loanToValue != null;
    }

    /** The loan-to-value as a plain number for band tables; -1 when unknown. */
    public double getLtv() {
        return ltv;
    }

    /** For reasons: the loan-to-value, or "unknown". */
    public String getLtvLabel() {
        return loanToValue == null ? "unknown" : loanToValue.toPlainString();
    }

    /** ONLINE, OFFLINE or NONE (no tracker, or no collateral recorded). */
    public String getGpsTracking() {
        Collateral collateral = request.collateral();
        return collateral == null || collateral.gpsTracking() == null ? "NONE" : collateral.gpsTracking().name();
    }

    // --- the borrower --------------------------------------------------------------------------------------------

    public boolean isCreditScoreKnown() {
        return request.borrower().creditScore() != null;
    }

    /** The bureau score; 0 when unknown (see {@link #isCreditScoreKnown()}). */
    public int getCreditScore() {
        Integer score = request.borrower().creditScore();
        return score == null ? 0 : score;
    }

    /** For reasons: the score, or "unknown". */
    public String getCreditScoreLabel() {
        return isCreditScoreKnown() ? String.valueOf(getCreditScore()) : "unknown";
    }

    public boolean isIncomeKnown() {
        BigDecimal income = request.borrower().monthlyIncome();
        return income != null && income.signum() > 0;
    }

    public BigDecimal getMonthlyIncome() {
        return orZero(request.borrower().monthlyIncome());
    }

    public BigDecimal getMonthlyDebtPayments() {
        return orZero(request.borrower().monthlyDebtPayments());
    }

    /** (Other debts + this loan's instalment) / income; -1 when income is unknown. */
    public double getDti() {
        return dti;
    }

    /** For reasons: the debt-to-income ratio, or "unknown". */
    public String getDtiLabel() {
        return isDtiKnown() ? debtToIncome.toPlainString() : "unknown";
    }

    public boolean isDtiKnown() {
        return debtToIncome != null && isIncomeKnown();
    }

    /** NONE, UNEMPLOYMENT, ILLNESS, FAMILY_EVENT, BUSINESS_FAILURE, DISASTER or OTHER. */
    public String getHardship() {
        return request.borrower().hardshipOrNone().name();
    }

    public boolean isInHardship() {
        return !"NONE".equals(getHardship());
    }

    public Set<BorrowerFlag> getFlags() {
        return request.borrower().flagsOrEmpty();
    }

    public boolean hasFlag(String flag) {
        return getFlags().contains(BorrowerFlag.valueOf(flag));
    }

    public boolean isConsentPhone() {
        return request.borrower().consentsOrDefault().allowsPhone();
    }

    public boolean isConsentSms() {
        return request.borrower().consentsOrDefault().allowsSms();
    }

    public boolean isConsentEmail() {
        return request.borrower().consentsOrDefault().allowsEmail();
    }

    /** Whether the borrower may be contacted on a channel at all, as far as consent goes. */
    public boolean permits(String channel) {
        return switch (channel) {
            case "PHONE" -> isConsentPhone();
            case "SMS" -> isConsentSms();
            case "EMAIL" -> isConsentEmail();
            default -> true;
        };
    }

    // --- contact history -----------------------------------------------------------------------------------------

    public History getHistory() {
        return history;
    }

    public List<ContactAttempt> getContacts() {
        return history.contactsOrEmpty();
    }

    public int getBrokenPromises() {
        return history.brokenPromisesOrZero();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /** Contacts made in this delinquency: on or after the oldest unpaid due date, and not after asOf. */
    private List<ContactAttempt> contactsSinceDue() {
        return getContacts().stream()
                .filter(c -> !c.at().toInstant().isAfter(asOf))
                .filter(c -> dueDate == null || !localDate(c.at().toInstant()).isBefore(dueDate))
                .toList();
    }

    /** SMS, e-mail and letter reminders sent in this delinquency. */
    public int getRemindersSinceDue() {
        return (int) contactsSinceDue().stream()
                .filter(c -> c.channel() == ContactChannel.SMS || c.channel() == ContactChannel.EMAIL
                        || c.channel() == ContactChannel.LETTER)
                .count();
    }

    /** Phone calls in this delinquency that nobody answered. */
    public int getUnansweredCallsSinceDue() {
        return (int) contactsSinceDue().stream()
                .filter(c -> c.channel() == ContactChannel.PHONE && c.outcome() == ContactOutcome.NO_ANSWER)
                .count();
    }

    /** Whether the outcome counts as speaking with the borrower. */
    public static boolean isConversation(ContactOutcome outcome) {
        return outcome == ContactOutcome.CONTACTED || outcome == ContactOutcome.PROMISE_TO_PAY
                || outcome == ContactOutcome.REFUSED;
    }

    /** Days since the borrower was last spoken to, on any channel; {@link #NEVER} if never. */
    public int getDaysSinceConversation() {
        return getContacts().stream()
                .filter(c -> isConversation(c.outcome()) && !c.at().toInstant().isAfter(asOf))
                .map(c -> localDate(c.at().toInstant()))
                .max(Comparator.naturalOrder())
                .map(d -> (int) ChronoUnit.DAYS.between(d, asOfDate))
                .orElse(NEVER);
    }

    /** The latest phone call reached a wrong number. */
    public boolean isWrongNumber() {
        return latest(ContactChannel.PHONE).map(c -> c.outcome() == ContactOutcome.WRONG_NUMBER).orElse(false);
    }

    /** The borrower refused to pay in this delinquency. */
    public boolean isRefusedSinceDue() {
        return contactsSinceDue().stream().anyMatch(c -> c.outcome() == ContactOutcome.REFUSED);
    }

    private Optional<ContactAttempt> latest(ContactChannel channel) {
        return getContacts().stream()
                .filter(c -> c.channel() == channel && !c.at().toInstant().isAfter(asOf))
                .max(Comparator.comparing(c -> c.at().toInstant()));
    }

    /** When the borrower last promised to pay, or null. */
    public Instant getLastPromiseToPay() {
        return getContacts().stream()
                .filter(c -> c.outcome() == ContactOutcome.PROMISE_TO_PAY && !c.at().toInstant().isAfter(asOf))
                .map(c -> c.at().toInstant())
                .max(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Whether a promise to pay was made less than the given days before asOf (to the instant, not the day). */
    public boolean promiseWithin(int days) {
        Instant promise = getLastPromiseToPay();
        return promise != null && asOf.isBefore(promise.plus(java.time.Duration.ofDays(days)));
    }

    /** Days since the last promise to pay; {@link #NEVER} if none. */
    public int getDaysSincePromiseToPay() {
        Instant promise = getLastPromiseToPay();
        return promise == null ? NEVER : (int) ChronoUnit.DAYS.between(localDate(promise), asOfDate);
    }

    public LocalDate getLastPaymentOn() {
        return history.lastPaymentOn();
    }

    // --- plans and legal actions ---------------------------------------------------------------------------------

    public boolean isPlanActive() {
        return history.plansOrEmpty().stream().anyMatch(p -> p.status() == PlanStatus.ACTIVE);
    }

    /** Extensions granted in the twelve months before asOf. */
    public int getExtensionsInLastYear() {
        LocalDate yearAgo = asOfDate.minusMonths(12);
        return (int) history.plansOrEmpty().stream()
                .filter(p -> p.type() == PlanType.EXTENSION && p.startedOn().isAfter(yearAgo) && !p.startedOn().isAfter(asOfDate))
                .count();
    }

    public boolean hasLegal(String stage) {
        return lastLegal(stage) != null;
    }

    /** Days since the latest legal action of that stage in this delinquency; {@link #NEVER} if none was taken. */
    public int daysSinceLegal(String stage) {
        LocalDate on = lastLegal(stage);
        return on == null ? NEVER : (int) ChronoUnit.DAYS.between(on, asOfDate);
    }

    /** The date of the latest legal action of that stage in this delinquency, or null. */
    public LocalDate lastLegal(String stage) {
        LegalStage wanted = LegalStage.valueOf(stage);
        if (lastLegalByStage == null) {
            // Rules ask this many times (every step of the ladder checks several stages): worked out once per case.
            Map<LegalStage, LocalDate> latest = new EnumMap<>(LegalStage.class);
            for (LegalActionRecord action : ladderActions()) {
                latest.merge(action.stage(), action.on(), (a, b) -> b.isAfter(a) ? b : a);
            }
            lastLegalByStage = latest;
        }
        return lastLegalByStage.get(wanted);
    }

    /** A payment was received on or after the judgment. */
    public boolean isPaidSinceJudgment() {
        LocalDate judgment = lastLegal("JUDGMENT");
        LocalDate paid = history.lastPaymentOn();
        return judgment != null && paid != null && !paid.isBefore(judgment);
    }

    /** Legal actions taken up to asOf. */
    private List<LegalActionRecord> legalActions() {
        return history.legalActionsOrEmpty().stream().filter(a -> !a.on().isAfter(asOfDate)).toList();
    }

    /**
     * Legal actions of the current delinquency: those on or after the oldest unpaid due date. A notice sent in an
     * earlier delinquency, since cured, does not count as this one's.
     */
    private List<LegalActionRecord> ladderActions() {
        return legalActions().stream().filter(a -> dueDate == null || !a.on().isBefore(dueDate)).toList();
    }
}
