package org.autocollections.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An experiment's outcomes as of an instant: each arm's counts and rates, and each challenger's differences from the
 * champion with their 95 % intervals and a verdict in words. Rates are fractions to four places, money to the cent,
 * both half-even; a rate with no case to count is null.
 *
 * @param liftPoints the lift in cure rate (percentage points) the analyst wants to be able to detect, if named
 * @param casesPerArmForLift cases per arm needed to detect that lift over the champion's cure rate (alpha 0.05, power 0.8)
 */
public record OutcomeReport(String championArm, String window, Instant asOf, BigDecimal liftPoints,
        Long casesPerArmForLift, List<Arm> arms, List<Challenger> challengers) {

    /** One arm's cases and what became of those observed over the whole window. */
    public record Arm(String arm, boolean champion, long assigned, long observed, long notYetObservable, long noSchedule,
            long cured, BigDecimal cureRate, long rolledForward, BigDecimal rollForwardRate,
            BigDecimal overdueAtAssignment, BigDecimal collected, BigDecimal collectedShare,
            long promisesResolved, long promisesKept, BigDecimal promiseKeptRate,
            long rightPartyContacts, BigDecimal rightPartyContactRate, long contacts, BigDecimal contactsPerCase,
            long plansAgreed, long legalSteps) {
    }

    /** A challenger against the champion: challenger minus champion, measure by measure. */
    public record Challenger(String arm, List<Difference> differences, Long casesPerArmNeeded, Long moreCasesPerArm,
            Map<String, String> verdict) {
    }

    /** A difference with its 95 % interval; significant when the interval leaves out zero. */
    public record Difference(Measure measure, Measure.Method method, BigDecimal champion, BigDecimal challenger,
            BigDecimal difference, BigDecimal lower, BigDecimal upper, boolean significant) {
    }
}
