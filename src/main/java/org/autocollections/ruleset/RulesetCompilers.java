package org.autocollections.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Compilers as configured: the rule model, and the folder of rulesets compiled before ({@link RulesetCache}). */
@ApplicationScoped
public class RulesetCompilers {

    @Inject
    PolicyConfig config;

    private volatile RulesetCache cache;

    public RulesetCompiler compiler() {
        return new RulesetCompiler(config.model(), cache());
    }

    private RulesetCache cache() {
        RulesetCache known = cache;
        if (known == null) {
            known = new RulesetCache(config.cacheDir(), config.cacheVersions());
            cache = known;
        }
        return known;
    }
}
