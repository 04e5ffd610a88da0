package org.autocollections.ruleset;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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

    void onStart(@Observes StartupEvent event) {
        try {
            Ruleset ruleset = reload();
            LOG.infof("Ruleset %s active: %d rules from %d files, compiled in %d ms (%s model)", ruleset.version(),
                    ruleset.ruleCount(), ruleset.files().size(), ruleset.compileMillis(), config.model());
        } catch (RulesetCompilationException e) {
            // Refusing to start is the only safe answer: a service without a policy would decide nothing.
            throw new IllegalStateException(e.getMessage(), e);
        }
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
    public synchronized Ruleset reload() throws RulesetCompilationException {
        RulesetSource.Loaded loaded = source().load();
        return activate(loaded.origin(), loaded.files());
    }

    public synchronized Ruleset activate(String origin, List<PolicyFile> files) throws RulesetCompilationException {
        Ruleset next = new RulesetCompiler(config.model()).compile(origin, files, clock.instant());
        next.warnings().forEach(w -> LOG.warn(w.toString()));
        record(next);
        archive.keep(next);
        current.set(next);
        metrics.rulesetActivated(next.version(), next.compileMillis());
        return next;
    }

    private RulesetSource source() {
        boolean explicit = config.rulesDir().isPresent() || config.tablesDir().isPresent();
        return new RulesetSource(config.rulesDir().orElse(Path.of("rules")),
                config.tablesDir().orElse(Path.of("decision-tables")), explicit);
    }

    private void record(Ruleset ruleset) {
        String origin = ruleset.origin();
        String files;
        try {
            files = json.writeValueAsString(ruleset.files());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("File list cannot be written as JSON", e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            RulesetActivation activation = new RulesetActivation();
            activation.version = ruleset.version();
            activation.digest = ruleset.digest();
            activation.activatedAt = ruleset.loadedAt();
            activation.origin = origin.length() > 500 ? origin.substring(0, 500) : origin;
            activation.ruleModel = config.model().name();
            activation.ruleCount = ruleset.ruleCount();
            activation.files = files;
            activation.persist();
        });
    }
}
