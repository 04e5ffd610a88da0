package org.autocollections.ruleset;

import org.autocollections.tables.PolicyFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps every activated ruleset version's files in the database and rebuilds a version on demand, so a decision can
 * be replayed years later with the policy that made it. Rebuilt versions are cached, a few at a time.
 */
@ApplicationScoped
public class RulesetArchive {

    private static final int CACHED_VERSIONS = 4;

    @Inject
    ActiveRuleset active;

    @Inject
    java.time.Clock clock;

    @Inject
    RulesetCompilers compilers;

    private final Map<String, Ruleset> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };

    /** Stores the version's files unless they are stored already (versions are content hashes, so never differ). */
    public void keep(Ruleset ruleset) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (RulesetVersion.findById(ruleset.version()) != null) {
                return;
            }
            RulesetVersion version = new RulesetVersion();
            version.version = ruleset.version();
            version.digest = ruleset.digest();
            version.createdAt = ruleset.loadedAt();
            version.ruleCount = ruleset.ruleCount();
            version.persist();
            ruleset.sourceFiles().forEach(f -> RulesetFile.of(ruleset.version(), f).persist());
        });
    }

    /** The ruleset of that version: the active one, a cached one, or rebuilt from its stored files. */
    public Optional<Ruleset> version(String version) throws RulesetCompilationException {
        Optional<Ruleset> current = active.peek();
        if (current.isPresent() && current.get().version().equals(version)) {
            return current;
        }
        return rebuild(version);
    }

    /** Keeps a compiled version and remembers it, so that asking for it soon after needs no second compilation. */
    public void keepCompiled(Ruleset ruleset) {
        keep(ruleset);
        synchronized (cache) {
            cache.put(ruleset.version(), ruleset);
        }
    }

    /** The files of a kept version, or none if it was never kept. */
    public List<PolicyFile> files(String version) {
        return QuarkusTransaction.requiringNew().call(() -> RulesetFile.<RulesetFile>list("version", version)
                .stream().map(RulesetFile::toPolicyFile).toList());
    }

    Optional<Ruleset> rebuild(String version) throws RulesetCompilationException {
        synchronized (cache) {
            Ruleset cached = cache.get(version);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        List<PolicyFile> files = files(version);
        if (files.isEmpty()) {
            return Optional.empty();
        }
        Ruleset rebuilt = compilers.compiler().compile("archived version " + version, files, clock.instant());
        synchronized (cache) {
            cache.put(version, rebuilt);
        }
        return Optional.of(rebuilt);
    }
}
