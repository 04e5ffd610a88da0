package org.autocollections.decisions;

import org.autocollections.engine.DecisionEngine;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DatabaseUnavailableException;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.GroupCommit;
import org.autocollections.api.Language;
import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.observability.DecisionMetrics;
import org.autocollections.observability.DecisionSpans;
import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.Ruleset;
import org.jboss.logging.Logger;

/**
 * Decides and records: every decision the service gives is in the decision record first. If the record cannot be
 * written, the caller gets an error and no decision (fail closed).
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    @Inject
    DecisionEngine engine;

    @Inject
    DecisionLedger ledger;

    @Inject
    GroupCommit groupCommit;

    @Inject
    ActiveRuleset active;

    @Inject
    DecisionMetrics metrics;

    @Inject
    DecisionSpans spans;

    @Inject
    DecisionRouting routing;

    /** Decides a case sent whole in the request, with the active ruleset, and records it. */
    public Decision decideSentCase(CollectionCase request) {
        return decide(request, false, Language.EN);
    }

    /** The same, with the reasons worded in the language (the record keeps no words, so it is the same in any). */
    public Decision decideSentCase(CollectionCase request, Language language) {
        return decide(request, false, language);
    }

    /** Decides a case the service keeps, as read with its stored history, with the active ruleset, and records it. */
    public Decision decideStoredCase(CollectionCase request) {
        return decide(request, true, Language.EN);
    }

    /** The same, with the reasons worded in the language. */
    public Decision decideStoredCase(CollectionCase request, Language language) {
        return decide(request, true, language);
    }

    private Decision decide(CollectionCase request, boolean storedCase, Language language) {
        Ruleset ruleset = active.current();
        Decision decision = spans.engineDecide(() -> metrics.time(request,
                () -> routing.route(request, engine.decide(request, ruleset, language), ruleset, language)));
        DecisionLedger.Entry entry = new DecisionLedger.Entry(request, decision, storedCase);
        // concurrent single decisions share a commit; the span is this caller's own wait for its record, on its own
        // thread, so it stays a child of its own request whichever caller's thread commits the group
        record(List.of(entry), () -> spans.recordCommit(() -> groupCommit.record(entry)));
        rememberAssignments(List.of(entry));
        if (LOG.isDebugEnabled()) { // one line per decision, for following decisions in the logs by request or trace id
            LOG.debugf("Decision %s on case %s recorded, ruleset %s", decision.decisionId(), request.caseId(),
                    decision.rulesetVersion());
        }
        return decision;
    }

    /** Decides every case with one ruleset version and records them in one transaction. */
    public List<Decision> decideAll(List<CollectionCase> requests, Ruleset ruleset) {
        return decideAll(requests, ruleset, r -> Language.EN);
    }

    /** The same, each case's reasons worded in the language chosen for it. */
    public List<Decision> decideAll(List<CollectionCase> requests, Ruleset ruleset,
            java.util.function.Function<CollectionCase, Language> languages) {
        List<DecisionLedger.Entry> entries = new ArrayList<>(requests.size());
        List<Decision> decisions = spans.engineDecideAll(ruleset.version(), requests.size(), () -> {
            for (CollectionCase request : requests) {
                Language language = languages.apply(request);
                entries.add(new DecisionLedger.Entry(request, metrics.time(request,
                        () -> routing.route(request, engine.decide(request, ruleset, language), ruleset, language)), false));
            }
            return entries.stream().map(DecisionLedger.Entry::decision).toList();
        });
        record(entries, () -> spans.recordCommit(() -> {
            ledger.record(entries);
            return entries.size();
        }));
        rememberAssignments(entries);
        return decisions;
    }

    /**
     * Keeps the experiment assignments of decisions already recorded and given. After the record, not in its
     * transaction: the decision record itself names the arm, so an assignment lost to a failure here is only the
     * outcomes' starting point, and the case's next decision keeps it.
     */
    private void rememberAssignments(List<DecisionLedger.Entry> entries) {
        List<DecisionRouting.Routed> assigned = null;
        for (DecisionLedger.Entry entry : entries) {
            if (entry.decision().experiment() != null) {
                if (assigned == null) {
                    assigned = new ArrayList<>();
                }
                assigned.add(new DecisionRouting.Routed(entry.request(), entry.decision()));
            }
        }
        if (assigned != null) {
            try {
                routing.remember(assigned);
            } catch (RuntimeException e) {
                LOG.warnf("The experiment assignments of %d decisions could not be kept: %s", assigned.size(), e.getMessage());
            }
        }
    }

    /** Records the decisions (all or none) and counts them given; or, when the record fails, withheld. */
    private void record(List<DecisionLedger.Entry> entries, Runnable commit) {
        try {
            commit.run();
        } catch (RuntimeException e) {
            if (e instanceof DatabaseUnavailableException) {
                metrics.auditWriteFailed();
            }
            entries.forEach(entry -> metrics.failed(entry.request()));
            throw e;
        }
        entries.forEach(entry -> metrics.decided(entry.request(), entry.decision()));
    }
}
