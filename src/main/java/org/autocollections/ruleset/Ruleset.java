package org.autocollections.ruleset;

import org.autocollections.api.RulesetProblem;
import org.autocollections.tables.PolicyFile;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.autocollections.policy.Attribution;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * A compiled, immutable set of rules and tables: the unit that is activated, swapped and named in every decision.
 * Its version is a hash of the files' names and contents, so the same files always give the same version.
 */
public final class Ruleset {

    /** A file of the ruleset as the API lists it. */
    public record FileEntry(String path, String sha256, long size) {
    }

    private final String version;
    private final String digest;
    private final List<FileEntry> files;
    private final Instant loadedAt;
    private final KieBase kieBase;
    private final Map<String, String> sources;
    private final List<RulesetProblem> warnings;
    private final long compileMillis;
    private final boolean fromCache;
    private final String origin;
    private final List<PolicyFile> sourceFiles;
    /** Every rule of the KieBase and where it is written, looked up on each firing; never changed once built. */
    private final Map<Rule, Attribution> attributions;
    private final Wording wording;
    /** What other parts build once from this ruleset and keep as long as it lives; see {@link #derived}. */
    private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>(4);

    Ruleset(String origin, List<PolicyFile> sourceFiles, String digest, List<FileEntry> files, Instant loadedAt, KieBase kieBase, Map<String, String> sources,
            List<RulesetProblem> warnings, long compileMillis, boolean fromCache, Wording wording) {
        this.wording = wording;
        this.digest = digest;
        this.version = digest.substring(0, 16);
        this.files = List.copyOf(files);
        this.loadedAt = loadedAt;
        this.kieBase = kieBase;
        this.sources = Map.copyOf(sources);
        this.warnings = List.copyOf(warnings);
        this.compileMillis = compileMillis;
        this.fromCache = fromCache;
        this.origin = origin;
        this.sourceFiles = List.copyOf(sourceFiles);
        this.attributions = attributions(kieBase, this.sources);
    }

    private static Map<Rule, Attribution> attributions(KieBase kieBase, Map<String, String> sources) {
        Map<Rule, Attribution> byRule = new IdentityHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                byRule.put(rule, locate(rule, sources));
            }
        }
        return byRule;
    }

    /** How the ruleset's reasons and scripts are worded in each language, read when it was compiled. */
    public Wording wording() {
        return wording;
    }

    /** The files themselves, to be archived so the version can be rebuilt. */
    public List<PolicyFile> sourceFiles() {
        return sourceFiles;
    }

    /** Where the files were read from. */
    public String origin() {
        return origin;
    }

    public String version() {
        return version;
    }

    /** The full SHA-256 the version abbreviates. */
    public String digest() {
        return digest;
    }

    public List<FileEntry> files() {
        return files;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public List<RulesetProblem> warnings() {
        return warnings;
    }

    public long compileMillis() {
        return compileMillis;
    }

    /** Whether it was loaded as compiled before ({@link RulesetCache}) rather than compiled; then compileMillis is the load. */
    public boolean fromCache() {
        return fromCache;
    }

    public int ruleCount() {
        return sources.size();
    }

    /** Where a rule is written: a DRL file and line, or a table file, sheet and row. */
    public Attribution attribution(Rule rule) {
        Attribution known = attributions.get(rule);
        return known != null ? known : locate(rule, sources);
    }

    private static Attribution locate(Rule rule, Map<String, String> sources) {
        String key = key(rule.getPackageName(), rule.getName());
        return new Attribution(rule.getName(), sources.getOrDefault(key, rule.getPackageName()));
    }

    /**
     * Something built once from this ruleset and kept with it, one of each kind: the decision engine keeps its pooled
     * sessions here, so they go when the ruleset goes (a reload), and are never shared with another ruleset.
     */
    public <T> T derived(Class<T> kind, Function<Ruleset, ? extends T> build) {
        Object known = derived.get(kind);
        if (known == null) {
            known = derived.computeIfAbsent(kind, k -> build.apply(this));
        }
        return kind.cast(known);
    }

    static String key(String packageName, String ruleName) {
        return packageName + "/" + ruleName;
    }
}
