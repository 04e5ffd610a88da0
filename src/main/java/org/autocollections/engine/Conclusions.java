package org.autocollections.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.autocollections.domain.Decision;
import org.autocollections.policy.ActionPriority;
import org.autocollections.policy.AssetClassification;
import org.autocollections.policy.CaseFacts;
import org.autocollections.policy.ChosenAction;
import org.autocollections.policy.OverdueBucket;
import org.autocollections.policy.PenaltyInterest;
import org.autocollections.policy.Conclusion;

/**
 * Reads the conclusions left in a session once the rules are done and shapes them into the response. Where the
 * policy must reach one answer (one bucket, one next action) and reached two, that is a policy conflict.
 */
final class Conclusions {

    private final Collection<?> facts;

    Conclusions(Collection<?> facts) {
        this.facts = facts;
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
                penalty == null ? java.math.BigDecimal.ZERO.setScale(2) : penalty.getAmount());
    }

    Decision.NextAction nextAction() {
        ChosenAction chosen = single(ChosenAction.class, a -> a.getCandidate().toString());
        if (chosen == null) {
            return null;
        }
        ActionPriority priority = single(ActionPriority.class, p -> String.valueOf(p.getValue()));
        return new Decision.NextAction(chosen.getCandidate().getType(), priority == null ? 5 : priority.getValue(),
                chosen.getCandidate().getNotBefore());
    }

    List<Decision.Reason> reasons() {
        return all(Conclusion.class).stream()
                .sorted(Comparator.comparing(Conclusion::area).thenComparing(Conclusion::code))
                .map(c -> new Decision.Reason(c.area(), c.code(), c.message(),
                        c.attribution() == null ? null : c.attribution().rule(),
                        c.attribution() == null ? null : c.attribution().source()))
                .toList();
    }

    <T> List<T> all(Class<T> type) {
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
