package org.autocollections.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;
import org.autocollections.ruleset.Wording;
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

    /** The decision with its reasons worded in English. */
    public Decision decide(CollectionCase request, Ruleset ruleset) {
        return decide(request, ruleset, Language.EN);
    }

    /** The decision with its reasons worded in the language; anything else about it is the same in every language. */
    public Decision decide(CollectionCase request, Ruleset ruleset, Language language) {
        // To the microsecond, as the databases keep it: the answer's time and its record's are then the same instant.
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant asOf = request.asOf() == null ? decidedAt : request.asOf().toInstant();
        CaseFacts facts = new CaseFacts(request, asOf, BorrowerZone.of(request, config.defaultZone()));
        Prepared prepared = ruleset.derived(Prepared.class, Prepared::new);
        KieSession session = prepared.sessions.take();
        boolean clean = false;
        // Rules with no conditions are met but not run (Explainer.accept), so they are not in the count of firings the
        // session returns; the limit leaves room for them so that it holds for all the rules, as it always has.
        ConstantRules constants = config.maxFirings() > prepared.constants.size() ? prepared.constants : ConstantRules.NONE;
        int limit = config.maxFirings() - constants.size();
        Explainer explainer = new Explainer(ruleset, constants);
        try {
            explainer.watch(session);
            session.insert(facts);
            int fired = session.fireAllRules(explainer, limit);
            if (fired >= limit) {
                throw new PolicyConflictException("The policy fired " + (fired + explainer.constantsFired()) + " rules "
                        + "without settling; a rule probably re-triggers itself. Last rules: " + tail(explainer.fired()));
            }
            Conclusions conclusions = new Conclusions(session.getObjects());
            clean = true;
            return new Decision(request.caseId(), UUID.randomUUID().toString(), decidedAt, ruleset.version(), asOf,
                    conclusions.overdue(facts), conclusions.risk(facts), conclusions.contact(), conclusions.repaymentPlan(),
                    conclusions.legal(), conclusions.nextAction(),
                    conclusions.reasons(prepared.english, language == Language.EN ? null
                            : ruleset.wording().words(language, currencyOf(request))),
                    List.copyOf(explainer.fired()));
        } finally {
            prepared.sessions.release(session, clean);
        }
    }

    /** What the engine builds once per ruleset and keeps with it: its pooled sessions and its rules with no conditions. */
    static final class Prepared {
        final SessionPool sessions;
        final ConstantRules constants;
        /** English words without a currency: English writes amounts plain, as the answers always have. */
        final Wording.Words english;

        Prepared(Ruleset ruleset) {
            this.sessions = new SessionPool(ruleset.kieBase());
            this.constants = ConstantRules.of(ruleset);
            this.english = ruleset.wording().words(Language.EN, null);
        }
    }

    /** The currency amounts are written in: the loan's, else the jurisdiction's own. */
    static Currency currencyOf(CollectionCase request) {
        String code = request.loan() == null ? null : request.loan().currency();
        if (code != null) {
            return Currency.getInstance(code);
        }
        return request.jurisdiction() == Jurisdiction.US ? Currency.getInstance("USD") : Currency.getInstance("CNY");
    }

    private static List<Decision.FiredRule> tail(List<Decision.FiredRule> fired) {
        return fired.subList(Math.max(0, fired.size() - 5), fired.size());
    }

    /** The zone in which the borrower's days and hours are counted: the case's own, else the configured default. */
    static final class BorrowerZone {
        private BorrowerZone() {
        }

        static ZoneId of(CollectionCase request, ZoneId fallback) {
            String zone = request.borrower().timeZone();
            return zone == null ? fallback : ZoneId.of(zone);
        }
    }
}
