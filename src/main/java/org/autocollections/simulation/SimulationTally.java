package org.autocollections.simulation;

import java.util.Map;
import java.util.TreeMap;

import org.autocollections.api.Decision;
import org.autocollections.bulk.RunTally;

/**
 * The figures of a simulation, or of a chunk of one: the portfolio as the baseline decides it and as the candidate
 * does (each a portfolio run's tally), where each case's next action goes, and how many cases changed.
 */
final class SimulationTally {

    final RunTally before = new RunTally();
    final RunTally after = new RunTally();
    /** Next action under the baseline, then under the candidate, then the number of cases. */
    final Map<String, Map<String, Long>> transitions = new TreeMap<>();
    long failed;
    long changed;

    void add(Decision baseline, Decision candidate, String currency, boolean isChanged) {
        before.add(baseline, currency);
        after.add(candidate, currency);
        transitions.computeIfAbsent(action(baseline), k -> new TreeMap<>()).merge(action(candidate), 1L, Long::sum);
        if (isChanged) {
            changed++;
        }
    }

    void addFailure() {
        failed++;
    }

    long decided() {
        return before.decided;
    }

    SimulationTally merge(SimulationTally other) {
        before.merge(other.before);
        after.merge(other.after);
        other.transitions.forEach((from, row) -> row.forEach((to, n) ->
                transitions.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, n, Long::sum)));
        failed += other.failed;
        changed += other.changed;
        return this;
    }

    private static String action(Decision d) {
        return d.nextAction() == null ? "NONE" : d.nextAction().type().name();
    }
}
