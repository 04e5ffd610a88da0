package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The report of outcomes already measured. */
    public static OutcomeReport ofMeasured(List<CaseOutcome> measured, String championArm, Period window, Instant asOf,
            Optional<BigDecimal> liftPoints) {
        Map<String, ArmTally> arms = new LinkedHashMap<>();
        arms.put(championArm, new ArmTally(championArm));
        measured.stream().map(CaseOutcome::arm).distinct().sorted()
                .forEach(arm -> arms.computeIfAbsent(arm, ArmTally::new));
        measured.forEach(o -> arms.get(o.arm()).add(o));
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
        List<String> arms = cases.stream().map(ArmCase::arm).distinct().sorted().toList();
        if (championArm == null || !cases.isEmpty() && !arms.contains(championArm)) {
            throw new InvalidRequestException("championArm", "must be one of " + String.join(", ", arms));
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
