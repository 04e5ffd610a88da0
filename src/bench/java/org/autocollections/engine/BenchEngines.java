package org.autocollections.engine;

import java.time.Clock;

import org.autocollections.ruleset.PolicyConfig;

/**
 * Builds a {@link DecisionEngine} outside CDI for in-process benchmarks: the same class the service runs, with the
 * two fields {@code decide(case, ruleset)} reads set by hand instead of injected. Lives in the engine's package only
 * to reach those package-private fields; DecisionEngine itself is not changed.
 */
public final class BenchEngines {

    private BenchEngines() {
    }

    public static DecisionEngine create(Clock clock, PolicyConfig config) {
        DecisionEngine engine = new DecisionEngine();
        engine.clock = clock;
        engine.config = config;
        return engine;
    }
}
