package org.autocollections.ruleset;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "collections.policy")
public interface PolicyConfig {

    /** Folder of *.drl files; default: ./rules, else the bundled copy. */
    Optional<Path> rulesDir();

    /** Folder of *.drl.xlsx / *.drl.csv tables; default: ./decision-tables, else the bundled copy. */
    Optional<Path> tablesDir();

    /** How rules are compiled; see docs/benchmarks.md for the measurements behind the default. */
    @WithDefault("executable")
    RuleModel model();

    /** What an edit saved into the policy folders does while the service runs (docs/analyst-guide.md). */
    @WithDefault("draft")
    Watch watch();

    /** Watch mode: off; every saved edit becomes a validated draft; or a draft that is activated when it has no error. */
    enum Watch {
        OFF, DRAFT, ACTIVATE
    }

    /** Upper bound on rule firings in one decision: a policy that loops fails instead of hanging a thread. */
    @WithDefault("10000")
    int maxFirings();
}
