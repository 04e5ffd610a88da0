package org.autocollections.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.domain.CollectionCase;
import org.autocollections.domain.Decision;
import org.autocollections.policy.CaseFacts;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.Ruleset;
import org.kie.api.runtime.KieSession;

/**
 * Decides one case: puts the case's facts in a session of the active ruleset, lets the rules conclude, and returns the
 * conclusions with the rules that reached them. The KieBase is shared; a session serves one decision at a time and is
 * reset to a new session's state before the next (see {@link SessionPool}). Safe to call from any number of threads.
 */
@ApplicationScoped
public class DecisionEngine {

    @Inject
    Clock clock;

    @Inject
    PolicyConfig config;

    public Decision decide(CollectionCase request, Ruleset ruleset) {
        Instant decidedAt = clock.instant();
        Instant asOf = request.asOf() == null ? decidedAt : request.asOf().toInstant();
        CaseFacts facts = new CaseFacts(request, asOf, BorrowerZone.of(request));
        SessionPool sessions = ruleset.derived(SessionPool.class, r -> new SessionPool(r.kieBase()));
        KieSession session = sessions.take();
        boolean clean = false;
        Explainer explainer = new Explainer(ruleset);
        try {
            explainer.watch(session);
            session.insert(facts);
            int fired = session.fireAllRules(config.maxFirings());
            if (fired >= config.maxFirings()) {
                throw new PolicyConflictException("The policy fired " + fired + " rules without settling; a rule "
                        + "probably re-triggers itself. Last rules: " + tail(explainer.fired()));
            }
            Conclusions conclusions = new Conclusions(session.getObjects());
            clean = true;
            return new Decision(request.caseId(), UUID.randomUUID().toString(), decidedAt, ruleset.version(), asOf,
                    conclusions.overdue(facts), conclusions.risk(facts), conclusions.contact(), conclusions.repaymentPlan(),
                    conclusions.legal(), conclusions.nextAction(),
                    conclusions.reasons(), List.copyOf(explainer.fired()));
        } finally {
            sessions.release(session, clean);
        }
    }

    private static List<Decision.FiredRule> tail(List<Decision.FiredRule> fired) {
        return fired.subList(Math.max(0, fired.size() - 5), fired.size());
    }

    /** The zone in which the borrower's days and hours are counted. */
    static final class BorrowerZone {
        private BorrowerZone() {
        }

        static ZoneId of(CollectionCase request) {
            String zone = request.borrower().timeZone();
            return zone == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone);
        }
    }
}
