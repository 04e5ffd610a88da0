package org.autocollections.ruleset;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The policy files as configured: the rules and decision-tables folders, or the copies bundled with the service. */
@ApplicationScoped
public class PolicyFolders {

    @Inject
    PolicyConfig config;

    /** The files as they are now. */
    public RulesetSource.Loaded load() {
        boolean explicit = config.rulesDir().isPresent() || config.tablesDir().isPresent();
        return new RulesetSource(config.rulesDir().orElse(Path.of("rules")),
                config.tablesDir().orElse(Path.of("decision-tables")), explicit).load();
    }
}
