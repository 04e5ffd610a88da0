package org.autocollections.ruleset;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The ruleset every decision uses: one compiled KieBase shared by all requests, replaced in a single atomic swap, so
 * a decision is made wholly by one version. Only {@link RulesetActivator} swaps it, once an activation is recorded.
 */
@ApplicationScoped
public class ActiveRuleset {

    private final AtomicReference<Ruleset> current = new AtomicReference<>();

    /** The serving ruleset. */
    public Ruleset current() {
        Ruleset ruleset = current.get();
        if (ruleset == null) {
            throw new NoActiveRulesetException();
        }
        return ruleset;
    }

    /** The serving ruleset, or none before the first activation. */
    public Optional<Ruleset> peek() {
        return Optional.ofNullable(current.get());
    }

    void swap(Ruleset next) {
        current.set(next);
    }
}
