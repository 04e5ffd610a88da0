package org.autocollections.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.autocollections.api.Decision;
import org.autocollections.api.RecommendedChannel;
import org.autocollections.policy.AssetClassification;
import org.autocollections.policy.CaseFacts;
import org.autocollections.policy.ChosenAction;
import org.autocollections.policy.Conclusion;
import org.autocollections.policy.ContactChoice;
import org.autocollections.policy.ContactTiming;
import org.autocollections.policy.LegalStep;
import org.autocollections.policy.Limitation;
import org.autocollections.policy.OverdueBucket;
import org.autocollections.policy.PenaltyInterest;
import org.autocollections.policy.PlanBlock;
import org.autocollections.policy.PlanOffer;
import org.autocollections.policy.RiskBand;
import org.autocollections.policy.RiskExposure;
import org.autocollections.policy.RiskScore;
import org.autocollections.ruleset.Wording;

/**
 * Reads the conclusions left in a session once the rules are done and shapes them into the response. Where the
 * policy must reach one answer (one bucket, one next action) and reached two, that is a policy conflict. An area
 * with no conclusion at all is left out of the response.
 */
final class Conclusions {

    /** The session's facts, read once (a session's object store is slow to walk), in the order the session gave them. */
    private final List<Object> facts;
    /** The same facts by their exact class, each list in that order. */
    private final Map<Class<?>, List<Object>> byClass = new IdentityHashMap<>();
    /** The conclusions among them, in that order. */
    private final List<Conclusion> conclusions = new ArrayList<>();

    Conclusions(Collection<?> sessionFacts) {
        this.facts = new ArrayList<>(128);
        for (Object fact : sessionFacts) {
            facts.add(fact);
            byClass.computeIfAbsent(fact.getClass(), c -> new ArrayList<>(4)).add(fact);
            if (fact instanceof Conclusion c) {
                conclusions.add(c);
            }
        }
    }

    private static Decision.Reason reason(Conclusion c, String message) {
        return new Decision.Reason(c.area(), c.code(), message, c.attribution() == null ? null : c.attribution().rule(),
                c.attribution() == null ? null : c.attribution().source());
    }

    Decision.Overdue overdue(CaseFacts c) {
        OverdueBucket bucket = single(OverdueBucket.class, OverdueBucket::getName);
        AssetClassification classification = single(AssetClassification.class, AssetClassification::toString);
        PenaltyInterest penalty = single(PenaltyInterest.class, PenaltyInterest::toString);
        if (bucket == null && classification == null && penalty == null) {
            return null;
        }
        return new Decision.Overdue(c.getDaysPastDue(), bucket == null ? null : bucket.getName(),
                classification == null ? null : classification.getValue(),
                penalty == null ? BigDecimal.ZERO.setScale(2) : penalty.getAmount());
    }

    Decision.Risk risk(CaseFacts c) {
        RiskScore score = single(RiskScore.class, s -> String.valueOf(s.getScore()));
        RiskBand band = single(RiskBand.class, b -> b.getRating().name());
        RiskExposure exposure = single(RiskExposure.class, e -> e.getExposure().toPlainString());
        if (score == null && band == null) {
            return null;
        }
        return new Decision.Risk(band == null ? null : band.getRating(), score == null ? null : score.getScore(),
                c.getLoanToValue(), exposure == null ? null : exposure.getExposure(),
                exposure == null ? null : exposure.getExpectedLoss());
    }

    Decision.Contact contact() {
        ContactChoice choice = single(ContactChoice.class, ContactChoice::getChannel);
        if (choice == null) {
            return null;
        }
        ContactTiming timing = single(ContactTiming.class, t -> String.valueOf(t.getEarliest()));
        return new Decision.Contact(RecommendedChannel.valueOf(choice.getChannel()), choice.getScriptId(),
                timing == null ? null : timing.getEarliest(),
                timing == null ? null : timing.getAttemptsLeftToday(),
                timing == null ? null : timing.getAttemptsLeftThisWeek());
    }

    Decision.RepaymentPlan repaymentPlan() {
        List<PlanOffer> offers = all(PlanOffer.class);
        if (offers.isEmpty() && all(PlanBlock.class).isEmpty() && !anyReason(org.autocollections.api.ReasonArea.PLAN)) {
            return null;
        }
        List<Decision.PlanOption> options = offers.stream()
                .sorted(Comparator.comparing(PlanOffer::getType).thenComparing(PlanOffer::getMethod))
                .map(o -> new Decision.PlanOption(o.getType(), o.getMethod(), o.getTermMonths(), o.getMonthlyPayment(),
                        o.getFirstPayment(), o.getLastPayment(), o.getLumpSum(), o.getTotalPayable(),
                        o.attribution() == null ? null : o.attribution().rule()))
                .toList();
        return new Decision.RepaymentPlan(!options.isEmpty(), options);
    }

    Decision.Legal legal() {
        LegalStep step = single(LegalStep.class, s -> s.getStage().name());
        Limitation limitation = single(Limitation.class, l -> String.valueOf(l.getExpiresOn()));
        if (step == null && limitation == null) {
            return null;
        }
        return new Decision.Legal(step == null ? null : step.getStage(), limitation == null ? null : limitation.getExpiresOn());
    }

    Decision.NextAction nextAction() {
        ChosenAction chosen = single(ChosenAction.class, a -> a.getCandidate().toString());
        if (chosen == null) {
            return null;
        }
        RiskBand band = single(RiskBand.class, b -> b.getRating().name());
        return new Decision.NextAction(chosen.getCandidate().getType(), band == null ? 5 : band.getPriority(),
                chosen.getCandidate().getNotBefore());
    }

    /**
     * The reasons, each worded once in its language, ordered by area, code and English words whatever the language,
     * so that every language lists them alike and a record (which keeps the order, not the words) reads back in any
     * language. {@code chosen} is null for English. Another language needs the English words only to order two
     * reasons of the same area and code, so only those are worded in English as well.
     */
    List<Decision.Reason> reasons(Wording.Words english, Wording.Words chosen) {
        Wording.Words words = chosen == null ? english : chosen;
        List<Decision.Reason> worded = new ArrayList<>(conclusions.size());
        List<Integer> order = new ArrayList<>(conclusions.size());
        for (Conclusion c : conclusions) {
            order.add(worded.size());
            worded.add(reason(c, words.word(c)));
        }
        Map<Integer, String> englishOfTies = new HashMap<>();
        Function<Integer, String> englishWords = chosen == null ? i -> worded.get(i).message()
                : i -> englishOfTies.computeIfAbsent(i, at -> english.word(conclusions.get(at)));
        order.sort(Comparator.comparing((Integer i) -> worded.get(i).area())
                .thenComparing(i -> worded.get(i).code()).thenComparing(englishWords));
        return order.stream().map(worded::get).toList();
    }

    private boolean anyReason(org.autocollections.api.ReasonArea area) {
        for (Conclusion c : conclusions) {
            if (c.area() == area) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> all(Class<T> type) {
        if (Modifier.isFinal(type.getModifiers())) {
            List<Object> exact = byClass.get(type);
            return exact == null ? List.of() : (List<T>) exact;
        }
        List<T> found = new ArrayList<>();
        for (Object fact : facts) {
            if (type.isInstance(fact)) {
                found.add(type.cast(fact));
            }
        }
        return found;
    }

    private <T> T single(Class<T> type, Function<T, String> describe) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new PolicyConflictException("The policy concluded " + found.size() + " values of "
                    + type.getSimpleName() + " for one case: " + found.stream().map(describe).toList());
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
