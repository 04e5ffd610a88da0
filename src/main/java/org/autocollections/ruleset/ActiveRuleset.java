package org.autocollections.ruleset;

import org.autocollections.tables.PolicyFile;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The ruleset every decision uses. One compiled KieBase is shared by all requests and replaced in a single atomic
 * swap; building the next one happens on the caller's thread, never on a decision's, and a ruleset that fails to
 * compile never replaces the one serving.
 */
@ApplicationScoped
public class ActiveRuleset {

    private static final Logger LOG = Logger.getLogger(ActiveRuleset.class);

    private final AtomicReference<Ruleset> current = new AtomicReference<>();

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    RulesetArchive archive;

    @Inject
    org.autocollections.observability.DecisionMetrics metrics;

    @Inject
    jakarta.enterprise.event.Event<FolderRulesetActivated> folderActivations;

    void onStart(@Observes StartupEvent event) {
        try {
            Ruleset ruleset = start();
            LOG.infof("Ruleset %s active: %d rules from %d files, compiled in %d ms (%s model)", ruleset.version(),
                    ruleset.ruleCount(), ruleset.files().size(), ruleset.compileMillis(), config.model());
        } catch (RulesetCompilationException e) {
            // Refusing to start is the only safe answer: a service without a policy would decide nothing.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * At start the folders win only when they hold files never loaded before (a new release, or tables edited while
     * the service was down); otherwise the version last activated in the database serves, so an approved draft or a
     * rollback survives a restart and every replica serves the same version.
     */
    synchronized Ruleset start() throws RulesetCompilationException {
        RulesetSource.Loaded loaded = source().load();
        String folderVersion = RulesetCompiler.versionOf(loaded.files());
        Optional<String> last = QuarkusTransaction.requiringNew().call(() -> RulesetActivation
                .<RulesetActivation>find("order by id desc").firstResultOptional().map(a -> a.version));
        boolean foldersSeenBefore = QuarkusTransaction.requiringNew()
                .call(() -> RulesetActivation.count("version", folderVersion) > 0);
        if (last.isPresent() && !last.get().equals(folderVersion) && foldersSeenBefore) {
            Optional<Ruleset> kept = archive.rebuild(last.get());
            if (kept.isPresent()) {
                LOG.infof("Serving version %s, the last activated; the folders hold version %s, activated before and since replaced",
                        last.get(), folderVersion);
                return activate(kept.get(), "restart: version " + last.get() + " as last activated", () -> {
                });
            }
        }
        return activate(loaded.origin(), loaded.files(), "service start");
    }

    /** The serving ruleset. */
    public Ruleset current() {
        Ruleset ruleset = current.get();
        if (ruleset == null) {
            throw new NoActiveRulesetException();
        }
        return ruleset;
    }

    public Optional<Ruleset> peek() {
        return Optional.ofNullable(current.get());
    }

    /** Recompiles the configured folders (or the bundled copy) and, if that succeeds, makes it the active ruleset. */
    public synchronized Ruleset reload(String actor) throws RulesetCompilationException {
        RulesetSource.Loaded loaded = source().load();
        return activate(loaded.origin(), loaded.files(), actor);
    }

    public Ruleset reload() throws RulesetCompilationException {
        return reload("reload");
    }

    /** The files of the configured folders (or the bundled copy), as they are now. */
    public RulesetSource.Loaded folderFiles() {
        return source().load();
    }

    /** Compiles the folders' files and activates them, recording the activation as the folders'. */
    public synchronized Ruleset activate(String origin, List<PolicyFile> files, String actor) throws RulesetCompilationException {
        Ruleset next = new RulesetCompiler(config.model()).compile(origin, files, clock.instant());
        next.warnings().forEach(w -> LOG.warn(w.toString()));
        return activate(next, origin, () -> folderActivations.fire(new FolderRulesetActivated(next, actor)));
    }

    /**
     * Makes a compiled ruleset the active one. {@code alsoRecord} runs in the transaction that records the activation
     * (the lifecycle's status change), so the database never says one version is active while another serves; the
     * in-memory swap follows the commit and is a single reference assignment, so no decision sees two versions.
     */
    public synchronized Ruleset activate(Ruleset next, String origin, Runnable alsoRecord) {
        archive.keep(next);
        record(next, origin, alsoRecord);
        current.set(next);
        metrics.rulesetActivated(next.version(), next.compileMillis());
        return next;
    }

    /**
     * Makes the version the database names active here, unless it already serves. The database is read under the
     * same lock as every activation: read before it, a reload finishing meanwhile would be undone by a stale answer.
     */
    public synchronized Optional<String> follow(Supplier<Optional<String>> recorded, Function<String, Optional<Ruleset>> build) {
        Optional<String> version = recorded.get();
        Ruleset serving = current.get();
        if (version.isEmpty() || (serving != null && serving.version().equals(version.get()))) {
            return Optional.empty();
        }
        Optional<Ruleset> next = build.apply(version.get());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        activate(next.get(), "following version " + version.get() + ", activated by another replica", () -> {
        });
        return version;
    }

    private RulesetSource source() {
        boolean explicit = config.rulesDir().isPresent() || config.tablesDir().isPresent();
        return new RulesetSource(config.rulesDir().orElse(Path.of("rules")),
                config.tablesDir().orElse(Path.of("decision-tables")), explicit);
    }

    private void record(Ruleset ruleset, String origin, Runnable alsoRecord) {
        String files;
        try {
            files = json.writeValueAsString(ruleset.files());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("File list cannot be written as JSON", e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            alsoRecord.run();
            RulesetActivation activation = new RulesetActivation();
            activation.version = ruleset.version();
            activation.digest = ruleset.digest();
            activation.activatedAt = clock.instant(); // when it began serving, not when it was compiled
            activation.origin = origin.length() > 500 ? origin.substring(0, 500) : origin;
            activation.ruleModel = config.model().name();
            activation.ruleCount = ruleset.ruleCount();
            activation.files = files;
            activation.persist();
        });
    }
}
