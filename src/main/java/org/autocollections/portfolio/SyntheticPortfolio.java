package org.autocollections.portfolio;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.autocollections.api.Borrower;
import org.autocollections.api.CaseField;
import org.autocollections.api.BorrowerFlag;
import org.autocollections.api.Collateral;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Consents;
import org.autocollections.api.ContactAttempt;
import org.autocollections.api.ContactChannel;
import org.autocollections.api.ContactOutcome;
import org.autocollections.api.Employment;
import org.autocollections.api.GpsTracking;
import org.autocollections.api.Hardship;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.LegalActionRecord;
import org.autocollections.api.LegalStage;
import org.autocollections.api.Loan;
import org.autocollections.api.PlanRecord;
import org.autocollections.api.PlanStatus;
import org.autocollections.api.PlanType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A synthetic portfolio of car loans in collections, for load tests, benchmarks and demonstrations: {@code count}
 * cases SYN-0000001 ... drawn from a seeded {@link SplittableRandom}, so one seed always gives the same cases, and
 * written one at a time as JSON Lines or CSV that {@code import} reads. The distributions, and why they are
 * plausible, are in docs/portfolio-generator.md; every case passes the service's validation.
 *
 * <p>Each case draws from its own generator split off the portfolio's in order, and its history from one split off
 * the case's first, so a case's fields do not depend on the cases before it nor on whether history is generated.
 *
 * <p>Over 300 lines on purpose: the distributions and the draws that use them are checked together against
 * docs/portfolio-generator.md, and the order of the draws is what keeps a seed's portfolio the same; one file keeps
 * both in view.
 */
public final class SyntheticPortfolio {

    /** The seed when none is given: the same portfolio every run. */
    public static final long DEFAULT_SEED = 20_261_101L;

    /** Days-past-due bands and their shares of the portfolio. */
    public enum DpdBand {
        CURRENT(0, 0, 0.02), M1(1, 30, 0.53), M2(31, 60, 0.20), M3(61, 90, 0.10), M4_M6(91, 180, 0.08),
        M7_M12(181, 360, 0.05), OVER_360(361, 1_100, 0.02);

        public final int fromDays;
        public final int toDays;
        public final double share;

        DpdBand(int fromDays, int toDays, double share) {
            this.fromDays = fromDays;
            this.toDays = toDays;
            this.share = share;
        }

        public static DpdBand of(int daysPastDue) {
            for (DpdBand band : values()) {
                if (daysPastDue <= band.toDays) {
                    return band;
                }
            }
            return OVER_360;
        }
    }

    private static final double US_SHARE = 0.20;
    private static final String[] CN_ZONES = { "Asia/Shanghai", "Asia/Urumqi" };
    private static final double[] CN_ZONE_WEIGHTS = { 0.97, 0.03 };
    private static final String[] US_ZONES = { "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
            "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu" };
    private static final double[] US_ZONE_WEIGHTS = { 0.47, 0.29, 0.05, 0.03, 0.15, 0.005, 0.005 };
    private static final int[] CN_TERMS = { 12, 24, 36, 60 };
    private static final double[] CN_TERM_WEIGHTS = { 0.10, 0.20, 0.50, 0.20 };
    private static final int[] US_TERMS = { 36, 48, 60, 72, 84 };
    private static final double[] US_TERM_WEIGHTS = { 0.10, 0.15, 0.35, 0.35, 0.05 };
    /** Mean credit score by band (index of {@link DpdBand}): the longer overdue, the weaker the file. */
    private static final int[] SCORE_MEAN = { 690, 650, 620, 600, 580, 560, 545 };
    /** Share of trackers offline by band: borrowers who mean to keep the car pull the tracker. */
    private static final double[] GPS_OFFLINE = { 0.03, 0.05, 0.08, 0.12, 0.20, 0.30, 0.40 };
    /** Share of borrowers in work who report a hardship, by band. */
    private static final double[] HARDSHIP_SHARE = { 0.03, 0.08, 0.12, 0.16, 0.22, 0.26, 0.28 };
    /** The hardship of a borrower in work. */
    private static final Hardship[] HARDSHIPS = { Hardship.ILLNESS, Hardship.FAMILY_EVENT, Hardship.BUSINESS_FAILURE,
            Hardship.DISASTER, Hardship.OTHER };
    private static final double[] HARDSHIP_WEIGHTS = { 0.35, 0.30, 0.10, 0.10, 0.15 };
    private static final Employment[] WORKING = { Employment.EMPLOYED, Employment.SELF_EMPLOYED, Employment.RETIRED,
            Employment.UNKNOWN };
    private static final double[] WORKING_WEIGHTS = { 0.73, 0.18, 0.05, 0.04 };

    private static final ObjectWriter JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build()
            .writer();

    /**
     * The CSV columns: every column a CSV portfolio can carry but asOf, which a generated case leaves to whoever
     * decides it.
     */
    private static final List<CaseField> COLUMNS = CaseField.columns().stream()
            .filter(column -> !column.header().equals("asOf")).toList();

    private final long seed;
    private final LocalDate asOf;
    private final boolean withHistory;

    /**
     * @param asOf the day the portfolio describes: due dates, valuations and history lie before it
     * @param withHistory whether cases carry contacts, broken promises, plans and legal steps (JSON Lines only: the
     *                    import takes no history, so such a file is for the decision API)
     */
    public SyntheticPortfolio(long seed, LocalDate asOf, boolean withHistory) {
        this.seed = seed;
        this.asOf = asOf;
        this.withHistory = withHistory;
    }

    /** The first {@code count} cases, in order. Sequential: each case is split off the one generator in turn. */
    public Stream<CollectionCase> cases(long count) {
        SplittableRandom portfolio = new SplittableRandom(seed);
        int digits = Math.max(7, Long.toString(count).length());
        return LongStream.rangeClosed(1, count).sequential().mapToObj(n -> generate(pad(n, digits), portfolio.split()));
    }

    /** Writes {@code count} cases, one a line (CSV: after a header row); the caller closes {@code out}. */
    public void write(Writer out, ImportFormat format, long count) throws IOException {
        if (format == ImportFormat.CSV && withHistory) {
            throw new IllegalArgumentException("a CSV portfolio carries no history; write JSON Lines instead");
        }
        StringBuilder line = new StringBuilder(1024);
        if (format == ImportFormat.CSV) {
            for (CaseField column : COLUMNS) {
                line.append(line.length() == 0 ? "" : ",").append(column.header());
            }
            out.append(line).append('\n');
        }
        JsonGenerator json = format == ImportFormat.JSONL ? JSON.createGenerator(out) : null;
        try {
            Iterator<CollectionCase> cases = cases(count).iterator();
            while (cases.hasNext()) {
                CollectionCase c = cases.next();
                if (json != null) {
                    JSON.writeValue(json, c);
                    json.writeRaw('\n');
                } else {
                    csvRow(c, line);
                    out.append(line);
                }
            }
        } finally {
            if (json != null) {
                json.close();
            }
        }
        out.flush();
    }

    private static void csvRow(CollectionCase c, StringBuilder line) {
        line.setLength(0);
        for (CaseField column : COLUMNS) {
            if (line.length() > 0) {
                line.append(',');
            }
            column.appendCell(c, line);
        }
        line.append('\n');
    }

    private static String pad(long n, int digits) {
        String number = Long.toString(n);
        return "0".repeat(Math.max(0, digits - number.length())) + number;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One case

    private CollectionCase generate(String number, SplittableRandom r) {
        SplittableRandom historyRandom = r.split(); // first, so the case's own draws are the same with or without history
        boolean us = r.nextDouble() < US_SHARE;
        String zone = us ? pick(US_ZONES, US_ZONE_WEIGHTS, r) : pick(CN_ZONES, CN_ZONE_WEIGHTS, r);
        DpdBand band = pickBand(r);
        int dpd = band == DpdBand.CURRENT ? 0 : band.fromDays + r.nextInt(band.toDays - band.fromDays + 1);
        int stage = band.ordinal();

        // The loan: an annuity whose `missed` most recent instalments are unpaid.
        int term = us ? pick(US_TERMS, US_TERM_WEIGHTS, r) : pick(CN_TERMS, CN_TERM_WEIGHTS, r);
        double principal = logNormal(r, us ? 27_000 : 120_000, us ? 0.40 : 0.45, us ? 8_000 : 30_000, us ? 90_000 : 350_000);
        long rateBasisPoints = us ? 500 + r.nextInt(2_001) : 350 + r.nextInt(851); // 5-25 % / 3.5-12 %
        double monthlyRate = rateBasisPoints / 10_000.0 / 12;
        long instalment = cents(principal * monthlyRate / (1 - Math.pow(1 + monthlyRate, -term)));
        int missed = Math.min((dpd + 29) / 30, term);
        int paid = missed >= term ? 0 : r.nextInt(term - missed);
        long partial = missed > 0 && r.nextDouble() < 0.20 ? Math.round(instalment * (0.1 + 0.8 * r.nextDouble())) : 0;
        long overdue = instalment * missed - partial;
        long balance = cents(principalLeft(principal, monthlyRate, instalment / 100.0, paid + missed)) + overdue;
        int remainingTerm = Math.max(0, term - paid - (dpd + 29) / 30);
        LocalDate dueDate = dpd == 0 ? null : asOf.minusDays(dpd);

        // The car: bought with a down payment (CN at most 80 % financed), depreciating since.
        double financed = us ? 0.75 + 0.40 * r.nextDouble() : 0.50 + 0.30 * r.nextDouble();
        boolean used = r.nextDouble() < 0.30;
        double years = (paid + (dpd + 29) / 30) / 12.0;
        double value = principal / financed * (used ? 1 : 0.90) * Math.pow(0.86, years) * (0.80 + 0.35 * r.nextDouble());
        boolean valued = r.nextDouble() >= 0.03;
        boolean tracked = r.nextDouble() < (us ? 0.25 : 0.85);
        GpsTracking gps = !tracked ? GpsTracking.NONE : r.nextDouble() < GPS_OFFLINE[stage] ? GpsTracking.OFFLINE : GpsTracking.ONLINE;
        Collateral collateral = new Collateral(valued ? money(cents(value)) : null,
                valued ? asOf.minusDays(r.nextInt(181)) : null, gps);

        // The borrower.
        Employment employment = r.nextDouble() < 0.04 + 0.02 * stage ? Employment.UNEMPLOYED : pick(WORKING, WORKING_WEIGHTS, r);
        Integer score = r.nextDouble() < (us ? 0.02 : 0.08) ? null
                : (int) Math.max(300, Math.min(850, Math.round(SCORE_MEAN[stage] + 50 * r.nextGaussian())));
        double income = logNormal(r, us ? 4_500 : 12_000, employment == Employment.SELF_EMPLOYED ? 0.70 : 0.45, 0, Double.MAX_VALUE)
                * switch (employment) {
                    case UNEMPLOYED -> 0.20;
                    case RETIRED -> 0.60;
                    default -> 1.0;
                };
        boolean incomeKnown = r.nextDouble() >= (employment == Employment.UNEMPLOYED ? 0.50 : 0.06);
        long debts = r.nextDouble() < 0.15 ? 0 : cents(income * 0.40 * Math.pow(r.nextDouble(), 1.5));
        Hardship hardship = hardship(r, stage, employment);
        Consents consents = new Consents(r.nextDouble() < 0.96, r.nextDouble() < 0.97, r.nextDouble() < 0.92);
        Set<BorrowerFlag> flags = flags(r, us, stage);
        boolean arbitration = r.nextDouble() < (us ? 0.45 : 0.30);

        Borrower borrower = new Borrower("CUST-" + number, zone, score, incomeKnown ? money(cents(income)) : null,
                money(debts), employment, hardship, consents, flags.isEmpty() ? null : flags);
        Loan loan = new Loan("LN-" + number, us ? "USD" : "CNY", money(balance), money(overdue),
                BigDecimal.valueOf(rateBasisPoints, 4), money(instalment), remainingTerm, dueDate, arbitration);
        CollectionCase c = new CollectionCase("SYN-" + number, null, us ? Jurisdiction.US : Jurisdiction.CN, borrower, loan,
                collateral, null);
        return withHistory ? withHistory(c, historyRandom, dpd, paid, partial > 0) : c;
    }

    private static DpdBand pickBand(SplittableRandom r) {
        double u = r.nextDouble();
        for (DpdBand band : DpdBand.values()) {
            u -= band.share;
            if (u < 0) {
                return band;
            }
        }
        return DpdBand.M1;
    }

    /** Out of work is itself the hardship for most unemployed borrowers; others report one more often the later the bucket. */
    private static Hardship hardship(SplittableRandom r, int stage, Employment employment) {
        if (employment == Employment.UNEMPLOYED) {
            return r.nextDouble() < 0.60 ? Hardship.UNEMPLOYMENT : Hardship.NONE;
        }
        if (r.nextDouble() >= HARDSHIP_SHARE[stage]) {
            return Hardship.NONE;
        }
        if (employment == Employment.SELF_EMPLOYED && r.nextDouble() < 0.50) {
            return Hardship.BUSINESS_FAILURE;
        }
        return pick(HARDSHIPS, HARDSHIP_WEIGHTS, r);
    }

    /** Each flag on its own, at a low rate; fraud and wilful default grow with the days past due. */
    private static Set<BorrowerFlag> flags(SplittableRandom r, boolean us, int stage) {
        Set<BorrowerFlag> flags = EnumSet.noneOf(BorrowerFlag.class);
        flag(flags, BorrowerFlag.DISPUTE_OPEN, 0.02, r);
        flag(flags, BorrowerFlag.FRAUD_SUSPECTED, 0.003 * (1 + stage), r);
        flag(flags, BorrowerFlag.WILFUL_DEFAULT, 0.005 * (1 + 1.5 * stage), r);
        flag(flags, BorrowerFlag.CEASE_COMMUNICATION, us ? 0.02 : 0.005, r);
        flag(flags, BorrowerFlag.BANKRUPTCY, us ? 0.01 * (1 + stage / 2.0) : 0.0005, r);
        flag(flags, BorrowerFlag.DECEASED, 0.002, r);
        flag(flags, BorrowerFlag.MILITARY_SERVICE, us ? 0.015 : 0, r);
        return flags;
    }

    private static void flag(Set<BorrowerFlag> flags, BorrowerFlag flag, double rate, SplittableRandom r) {
        if (r.nextDouble() < rate) {
            flags.add(flag);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // History: what the collectors did in the current delinquency, following the policy's stages.

    private CollectionCase withHistory(CollectionCase c, SplittableRandom r, int dpd, int paid, boolean partlyPaid) {
        LocalDate due = c.loan().oldestUnpaidDueDate();
        LocalDate lastPayment = due == null ? asOf.minusDays(1 + r.nextInt(30))
                : partlyPaid ? due.plusDays(r.nextInt(dpd))
                : paid > 0 ? due.minusDays(r.nextInt(21)) : null;
        if (due == null) {
            return with(c, new History(List.of(), 0, List.of(), List.of(), lastPayment));
        }
        List<ContactAttempt> contacts = contacts(c, r, due, dpd);
        int broken = 0;
        for (ContactAttempt contact : contacts) {
            if (contact.outcome() == ContactOutcome.PROMISE_TO_PAY
                    && contact.at().toLocalDate().isBefore(asOf.minusDays(7)) && r.nextDouble() < 0.70) {
                broken++;
            }
        }
        List<PlanRecord> plans = new ArrayList<>(2);
        if (r.nextDouble() < 0.05) {
            plans.add(new PlanRecord(PlanType.EXTENSION, due.minusDays(90 + r.nextInt(630)), PlanStatus.COMPLETED));
        }
        if (dpd >= 15 && r.nextDouble() < 0.20) {
            int day = 1 + r.nextInt(Math.min(dpd - 1, 180));
            PlanType type = day <= 60 ? (r.nextBoolean() ? PlanType.EXTENSION : PlanType.CATCH_UP)
                    : day <= 90 ? PlanType.CATCH_UP
                    : day <= 180 && c.borrower().hardshipOrNone() != Hardship.NONE ? PlanType.RESTRUCTURE
                    : PlanType.SETTLEMENT;
            boolean recent = dpd - day <= 60;
            plans.add(new PlanRecord(type, due.plusDays(day), recent && r.nextBoolean() ? PlanStatus.ACTIVE : PlanStatus.BROKEN));
        }
        List<LegalActionRecord> legal = legalActions(c, r, due, dpd);
        return with(c, new History(contacts, broken, plans, legal, lastPayment));
    }

    private static CollectionCase with(CollectionCase c, History history) {
        return new CollectionCase(c.caseId(), c.asOf(), c.jurisdiction(), c.borrower(), c.loan(), c.collateral(), history);
    }

    /** About one attempt every three days, at most 40, in daytime hours of the borrower's zone, oldest first. */
    private static List<ContactAttempt> contacts(CollectionCase c, SplittableRandom r, LocalDate due, int dpd) {
        int count = (int) Math.round(Math.min(40, dpd * 0.35) * (0.5 + r.nextDouble()));
        ZoneId zone = ZoneId.of(c.borrower().timeZone());
        Consents consents = c.borrower().consentsOrDefault();
        boolean cease = c.borrower().flagsOrEmpty().contains(BorrowerFlag.CEASE_COMMUNICATION);
        List<ContactAttempt> contacts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int day = r.nextInt(dpd); // the attempt was made when the loan was day + 1 days past due
            ContactChannel channel = cease ? ContactChannel.LETTER : consented(channelAt(day + 1, r), consents);
            LocalTime time = LocalTime.of(9 + r.nextInt(11), r.nextInt(60));
            contacts.add(new ContactAttempt(due.plusDays(day).atTime(time).atZone(zone).toOffsetDateTime(), channel,
                    outcome(channel, r)));
        }
        contacts.sort(Comparator.comparing(ContactAttempt::at));
        return contacts;
    }

    /** The channel the policy uses at each stage: text in M1, calls in M2-M3, visits and letters later. */
    private static ContactChannel channelAt(int dpd, SplittableRandom r) {
        double u = r.nextDouble();
        if (dpd <= 30) {
            return u < 0.55 ? ContactChannel.SMS : ContactChannel.PHONE;
        }
        if (dpd <= 90) {
            return u < 0.70 ? ContactChannel.PHONE : u < 0.90 ? ContactChannel.SMS : ContactChannel.EMAIL;
        }
        if (dpd <= 180) {
            return u < 0.40 ? ContactChannel.PHONE : u < 0.65 ? ContactChannel.FIELD_VISIT
                    : u < 0.85 ? ContactChannel.LETTER : ContactChannel.SMS;
        }
        return u < 0.40 ? ContactChannel.LETTER : u < 0.80 ? ContactChannel.PHONE : ContactChannel.FIELD_VISIT;
    }

    /** The policy's channel fallback: never a channel the borrower has not consented to. */
    private static ContactChannel consented(ContactChannel channel, Consents consents) {
        if (channel == ContactChannel.PHONE && !consents.allowsPhone()) {
            channel = ContactChannel.SMS;
        }
        if (channel == ContactChannel.SMS && !consents.allowsSms()) {
            channel = ContactChannel.EMAIL;
        }
        if (channel == ContactChannel.EMAIL && !consents.allowsEmail()) {
            channel = consents.allowsSms() ? ContactChannel.SMS : ContactChannel.LETTER;
        }
        return channel;
    }

    private static ContactOutcome outcome(ContactChannel channel, SplittableRandom r) {
        double u = r.nextDouble();
        if (channel == ContactChannel.PHONE || channel == ContactChannel.FIELD_VISIT) {
            return u < 0.50 ? ContactOutcome.NO_ANSWER : u < 0.70 ? ContactOutcome.CONTACTED
                    : u < 0.85 ? ContactOutcome.PROMISE_TO_PAY : u < 0.93 || channel == ContactChannel.FIELD_VISIT
                    ? ContactOutcome.REFUSED : ContactOutcome.WRONG_NUMBER;
        }
        return u < 0.85 ? ContactOutcome.NO_ANSWER : u < 0.95 ? ContactOutcome.CONTACTED : ContactOutcome.PROMISE_TO_PAY;
    }

    /**
     * The legal ladder as far as the days past due reach: a demand notice from day 61, a lawyer's letter from day 91
     * and 15 days after the notice, asset preservation for a flight risk, suit or arbitration from day 121 (a balance
     * of at least 5,000), then judgment and enforcement; each step taken by most cases that reach it, not all.
     */
    private static List<LegalActionRecord> legalActions(CollectionCase c, SplittableRandom r, LocalDate due, int dpd) {
        List<LegalActionRecord> steps = new ArrayList<>(6);
        int notice = 61 + r.nextInt(10);
        if (dpd <= notice || r.nextDouble() >= 0.85) {
            return steps;
        }
        steps.add(new LegalActionRecord(LegalStage.DEMAND_NOTICE, due.plusDays(notice)));
        int letter = Math.max(91, notice + 15) + r.nextInt(15);
        if (dpd <= letter || r.nextDouble() >= 0.80) {
            return steps;
        }
        steps.add(new LegalActionRecord(LegalStage.LAWYER_LETTER, due.plusDays(letter)));
        Set<BorrowerFlag> flags = c.borrower().flagsOrEmpty();
        boolean flightRisk = flags.contains(BorrowerFlag.FRAUD_SUSPECTED) || flags.contains(BorrowerFlag.WILFUL_DEFAULT)
                || c.collateral().gpsTracking() == GpsTracking.OFFLINE;
        int preservation = letter + 15 + r.nextInt(10);
        boolean preserved = flightRisk && dpd > preservation && r.nextDouble() < 0.50;
        if (preserved) {
            steps.add(new LegalActionRecord(LegalStage.ASSET_PRESERVATION, due.plusDays(preservation)));
        }
        int suit = preserved ? preservation + 1 + r.nextInt(29) : Math.max(121, letter + 15) + r.nextInt(30);
        if (dpd <= suit || c.loan().outstandingBalance().compareTo(BigDecimal.valueOf(5_000)) < 0 || r.nextDouble() >= 0.60) {
            return steps;
        }
        steps.add(new LegalActionRecord(c.loan().hasArbitrationClause() ? LegalStage.ARBITRATION : LegalStage.LITIGATION,
                due.plusDays(suit)));
        int judgment = suit + 90 + r.nextInt(151);
        if (dpd <= judgment || r.nextDouble() >= 0.70) {
            return steps;
        }
        steps.add(new LegalActionRecord(LegalStage.JUDGMENT, due.plusDays(judgment)));
        int enforcement = judgment + 15 + r.nextInt(46);
        if (dpd > enforcement && r.nextDouble() < 0.60) {
            steps.add(new LegalActionRecord(LegalStage.ENFORCEMENT, due.plusDays(enforcement)));
        }
        return steps;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Arithmetic

    /** Principal left of an annuity after {@code payments} instalments. */
    private static double principalLeft(double principal, double monthlyRate, double instalment, int payments) {
        double growth = Math.pow(1 + monthlyRate, payments);
        return Math.max(0, principal * growth - instalment * (growth - 1) / monthlyRate);
    }

    private static double logNormal(SplittableRandom r, double median, double sigma, double min, double max) {
        return Math.max(min, Math.min(max, median * Math.exp(sigma * r.nextGaussian())));
    }

    private static long cents(double amount) {
        return Math.round(amount * 100);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static <T> T pick(T[] values, double[] weights, SplittableRandom r) {
        return values[index(weights, r)];
    }

    private static int pick(int[] values, double[] weights, SplittableRandom r) {
        return values[index(weights, r)];
    }

    private static int index(double[] weights, SplittableRandom r) {
        double u = r.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
