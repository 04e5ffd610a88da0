package org.autocollections.ruleset;

import java.nio.file.Path;
import java.time.ZoneId;
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

    /**
     * Folder of compiled rulesets kept by version, so that a version compiled once (by the service, a CLI command or
     * another replica sharing the folder) starts without compiling. Next to the embedded database by default.
     */
    @WithDefault("data/rulesets")
    Path cacheDir();

    /** How many compiled versions that folder keeps, the most recently used; 0 compiles every time. */
    @WithDefault("20")
    int cacheVersions();

    /** What an edit saved into the policy folders does while the service runs (docs/analyst-guide.md). */
    @WithDefault("draft")
    Watch watch();

    /**
     * How long the policy folders must be quiet after a save before watch mode reads them: longer than one save takes
     * (an editor writes a temporary file, renames it, touches a lock file, within milliseconds on a local disk), short
     * for the analyst waiting for the reload. A tool that writes a table in several slower steps needs more: read in
     * the middle, the folders give a draft of a half-written table. More than zero; checked at start.
     */
    @WithDefault("PT0.3S")
    java.time.Duration watchQuiet();

    /** Watch mode: off; every saved edit becomes a validated draft; or a draft that is activated when it has no error. */
    enum Watch {
        OFF, DRAFT, ACTIVATE
    }

    /** The zone of {@link #defaultZone()} unless configured. */
    String DEFAULT_ZONE = "Asia/Shanghai";

    /**
     * The zone a borrower's days and contact hours are counted in when the case names none. Only CN cases may leave
     * it out (a US case must name it: Regulation F calling hours are the borrower's local time), hence China's zone.
     */
    @WithDefault(DEFAULT_ZONE)
    ZoneId defaultZone();

    /** Upper bound on rule firings in one decision: a policy that loops fails instead of hanging a thread. */
    @WithDefault("10000")
    int maxFirings();
}
