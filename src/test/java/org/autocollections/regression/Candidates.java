package org.autocollections.regression;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetCompiler;

/**
 * Candidate rulesets as an analyst drafts them: the active ruleset's files with one table edited, compiled and kept
 * in the archive under their version. Compiled once per edit (a compile takes seconds).
 */
public final class Candidates {

    private static final Map<String, String> KEPT = new ConcurrentHashMap<>();

    private Candidates() {
    }

    /** The version of the active files with {@code from} replaced by {@code to} in the file at {@code path}. */
    public static String edited(ActiveRuleset active, RulesetArchive archive, PolicyConfig config, String path,
            String from, String to) {
        return KEPT.computeIfAbsent(path + "\u0000" + from + "\u0000" + to, k -> {
            Ruleset current = active.current();
            List<PolicyFile> files = current.sourceFiles().stream().map(f -> {
                if (!f.path().equals(path)) {
                    return f;
                }
                if (!f.text().contains(from)) {
                    throw new IllegalArgumentException(path + " holds no " + from);
                }
                return new PolicyFile(f.path(), f.text().replace(from, to).getBytes(StandardCharsets.UTF_8));
            }).toList();
            try {
                Ruleset candidate = new RulesetCompiler(config.model()).compile("test candidate", files, Instant.now());
                archive.keep(candidate);
                return candidate.version();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Day 45 to 60 falls in M3 instead of M2: the example case (45 days past due) changes bucket. */
    public static String m2EndsAtDay44(ActiveRuleset active, RulesetArchive archive, PolicyConfig config) {
        return edited(active, archive, config, "decision-tables/overdue-buckets.drl.csv", "31,60,M2\n61,90,M3",
                "31,44,M2\n45,90,M3");
    }
}
