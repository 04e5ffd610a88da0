package org.autocollections.decisions;

import java.util.List;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Language;
import org.autocollections.ruleset.Ruleset;

/**
 * Which version a case's decision comes from when a champion/challenger experiment runs. The experiments sit above the
 * decisions (they need the lifecycle and the golden corpus), so the decisions ask through this interface and the
 * experiments answer; with none running, every decision is the champion's, exactly as it was before experiments.
 */
public interface DecisionRouting {

    /**
     * The decision the case gets, given the one the deciding ruleset made: that one unchanged, or its arm's decision
     * naming the experiment. Only a champion's decision is routed: a run or a what-if on another version is not.
     */
    Decision route(CollectionCase request, Decision champion, Ruleset ruleset, Language language);

    /** Keeps the first assignment of each case whose decision names an experiment; later ones change nothing. */
    void remember(List<Routed> decided);

    /** A decision given and the case it answered. */
    record Routed(CollectionCase request, Decision decision) {
    }
}
