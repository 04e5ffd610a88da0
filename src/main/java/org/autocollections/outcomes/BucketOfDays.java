package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.autocollections.api.Borrower;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.History;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Loan;
import org.autocollections.engine.DecisionEngine;
import org.autocollections.ruleset.Ruleset;

/**
 * The bucket the policy gives a number of days past due, asked of the ruleset itself (its overdue-buckets table), so
 * an outcome is measured with the same bands a decision uses and an analyst's edit of the bands applies to both. The
 * bucket depends on the days alone, so each count of days is decided once, on a bare case, and remembered.
 *
 * <p>Kept per ruleset and shared by the reports read with it, so its questions are asked once per ruleset, not per
 * report; its answers are the ruleset's and never change, and its few look-ups are synchronized.
 */
final class BucketOfDays {

    /** Beyond ten years past due no table draws a new band; a bucket not met by then is not one of this ruleset. */
    private static final int FURTHEST = 3_650;
    private static final Instant PROBE_AT = Instant.parse("2026-01-01T12:00:00Z");

    private final DecisionEngine engine;
    private final Ruleset ruleset;
    private final Map<Integer, String> byDays = new HashMap<>();
    /** Buckets in the order days past due reach them, each with the first day that does. */
    private final Map<String, Integer> firstDay = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private int scannedTo = -1;

    BucketOfDays(DecisionEngine engine, Ruleset ruleset) {
        this.engine = engine;
        this.ruleset = ruleset;
    }

    Ruleset ruleset() {
        return ruleset;
    }

    synchronized String bucket(int daysPastDue) {
        return byDays.computeIfAbsent(Math.max(0, daysPastDue), this::decide);
    }

    /** The bucket of a case that owes nothing: the one a cure goes back to (M0). */
    String current() {
        return bucket(0);
    }

    /** Whether {@code later} is further along the buckets than {@code earlier}; false when either is not a bucket of the ruleset. */
    synchronized boolean worse(String later, String earlier) {
        int a = rank(later);
        int b = rank(earlier);
        return a >= 0 && b >= 0 && a > b;
    }

    /** The place of a bucket in the order days past due reach them; -1 for a name the ruleset does not give. */
    synchronized int rank(String name) {
        while (!firstDay.containsKey(name) && scannedTo < FURTHEST) {
            scannedTo++;
            String at = bucket(scannedTo);
            if (firstDay.putIfAbsent(at, scannedTo) == null) {
                order.add(at);
            }
        }
        return order.indexOf(name);
    }

    private String decide(int daysPastDue) {
        LocalDate today = LocalDate.ofInstant(PROBE_AT, ZoneOffset.UTC);
        LocalDate due = daysPastDue == 0 ? null : today.minusDays(daysPastDue);
        BigDecimal amount = daysPastDue == 0 ? BigDecimal.ZERO : new BigDecimal("1000.00");
        CollectionCase probe = new CollectionCase("BUCKET-PROBE", PROBE_AT.atOffset(ZoneOffset.UTC), Jurisdiction.CN,
                new Borrower(null, "UTC", null, null, null, null, null, null, null),
                new Loan(null, "CNY", new BigDecimal("10000.00"), amount, null, null, null, due, null), null, History.EMPTY);
        var overdue = engine.decide(probe, ruleset).overdue();
        return overdue == null || overdue.bucket() == null ? "" : overdue.bucket();
    }
}
