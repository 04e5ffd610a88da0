package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.InvalidRequestException;

/**
 * The report an analyst reads to decide whether a challenger does better than the champion: the cases of each arm,
 * their outcomes over the observation window as of an instant, the differences from the champion with their
 * intervals, and a verdict. The same cases, window and instant always give the same report.
 */
@ApplicationScoped
public class OutcomeReports {

    /** The observation windows an experiment is read over: a month, two, three. */
    public static final Set<Period> WINDOWS = Set.of(Period.ofDays(30), Period.ofDays(60), Period.ofDays(90));

    @Inject
    CaseOutcomes outcomes;

    /**
     * @param liftPoints the lift in cure rate, in percentage points, the analyst wants to be able to detect: the
     *                   report then says how many cases per arm that takes
     */
    public OutcomeReport report(List<ArmCase> cases, String championArm, Period window, Instant asOf,
            Optional<BigDecimal> liftPoints) {
        check(cases, championArm, window, asOf, liftPoints);
        return ofMeasured(outcomes.of(cases, window, asOf), championArm, window, asOf, liftPoints);
    }

    /**
     * The same report as {@link #report(List, String, Period, Instant, Optional)} over the cases of every page, read
     * a page at a time: what is held is the page and each arm's tally (the three amounts of each observed case the
     * bootstrap resamples), never the cases' history. Every arm named is reported, an arm no case was assigned to yet
     * with no cases.
     */
    public OutcomeReport report(Iterable<ArmCasePage> pages, Collection<String> armNames, String championArm,
            Period window, Instant asOf, Optional<BigDecimal> liftPoints) {
        checkQuery(championArm, window, asOf, liftPoints);
        BucketOfDays buckets = outcomes.buckets();
        Map<String, ArmTally> arms = new HashMap<>();
        armNames.forEach(arm -> arms.put(arm, new ArmTally(arm)));
        for (ArmCasePage page : pages) {
            for (CaseOutcome o : outcomes.of(page.cases(), page.ids(), window, asOf, buckets)) {
                arms.computeIfAbsent(o.arm(), ArmTally::new).add(o);
            }
        }
        checkChampion(arms.keySet(), championArm);
        return ofTallies(arms, championArm, window, asOf, liftPoints);
    }

    /** The report of outcomes already measured. */
    public static OutcomeReport ofMeasured(List<CaseOutcome> measured, String championArm, Period window, Instant asOf,
            Optional<BigDecimal> liftPoints) {
        Map<String, ArmTally> arms = new HashMap<>();
        measured.forEach(o -> arms.computeIfAbsent(o.arm(), ArmTally::new).add(o));
        return ofTallies(arms, championArm, window, asOf, liftPoints);
    }

    /** The champion first, then the other arms by name. */
    private static OutcomeReport ofTallies(Map<String, ArmTally> tallied, String championArm, Period window, Instant asOf,
            Optional<BigDecimal> liftPoints) {
        Map<String, ArmTally> arms = new LinkedHashMap<>();
        arms.put(championArm, tallied.getOrDefault(championArm, new ArmTally(championArm)));
        tallied.keySet().stream().sorted().forEach(arm -> arms.putIfAbsent(arm, tallied.get(arm)));
        ArmTally champion = arms.get(championArm);
        List<OutcomeReport.Arm> summaries = new ArrayList<>();
        List<OutcomeReport.Challenger> challengers = new ArrayList<>();
        arms.values().forEach(arm -> {
            summaries.add(arm.summary(arm == champion));
            if (arm != champion) {
                challengers.add(ArmComparison.of(arm, champion, liftPoints));
            }
        });
        Long forLift = champion.observed == 0 ? null : liftPoints.flatMap(lift -> ArmComparison.casesPerArm(
                (double) champion.cured / champion.observed, lift.doubleValue() / 100)).orElse(null);
        return new OutcomeReport(championArm, window.toString(), asOf, liftPoints.orElse(null), forLift,
                List.copyOf(summaries), List.copyOf(challengers));
    }

    private static void check(List<ArmCase> cases, String championArm, Period window, Instant asOf,
            Optional<BigDecimal> liftPoints) {
        checkChampion(cases.stream().map(ArmCase::arm).collect(Collectors.toSet()), championArm);
        checkQuery(championArm, window, asOf, liftPoints);
    }

    private static void checkChampion(Set<String> arms, String championArm) {
        if (championArm == null || !arms.isEmpty() && !arms.contains(championArm)) {
            throw new InvalidRequestException("championArm", "must be one of " + String.join(", ", new TreeSet<>(arms)));
        }
    }

    private static void checkQuery(String championArm, Period window, Instant asOf, Optional<BigDecimal> liftPoints) {
        if (championArm == null) {
            throw new InvalidRequestException("championArm", "must be one of the arms");
        }
        if (window == null || !WINDOWS.contains(window)) {
            throw new InvalidRequestException("window", "must be one of P30D, P60D, P90D");
        }
        if (asOf == null) {
            throw new InvalidRequestException("asOf", "must not be null");
        }
        if (liftPoints.isPresent() && (liftPoints.get().signum() <= 0 || liftPoints.get().compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new InvalidRequestException("liftPoints", "must be between 0 and 100");
        }
    }
}
