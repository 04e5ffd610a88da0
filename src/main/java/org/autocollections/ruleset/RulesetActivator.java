package org.autocollections.ruleset;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The one class that activates. Every version that starts serving (at start, by a reload, by a lifecycle step, or
 * followed from another replica) goes through {@link #activate}, which, under one lock:
 * <ol>
 * <li>keeps the version's files in the archive, so it can be rebuilt and replayed later;</li>
 * <li>in one transaction, tells every {@link ActivationListener} ({@code recording}: the lifecycle's records follow)
 * and writes the {@link ActivationLog}, so the database never says one version is active while another serves;</li>
 * <li>swaps the serving ruleset ({@link ActiveRuleset}), one reference assignment after the commit, so no decision
 * sees two versions;</li>
 * <li>tells every listener the version serves ({@code serving}: the metrics).</li>
 * </ol>
 * Compiling the next version happens on the caller's thread, never a decision's, and a ruleset that fails to compile
 * never replaces the one serving.
 */
@ApplicationScoped
public class RulesetActivator {

    private static final Logger LOG = Logger.getLogger(RulesetActivator.class);

    @Inject
    ActiveRuleset active;

    @Inject
    ActivationLog log;

    @Inject
    RulesetArchive archive;

    @Inject
    StartupChoice startup;

    @Inject
    PolicyFolders folders;

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    @Inject
    RulesetCompilers compilers;

    @Inject
    Instance<ActivationListener> listeners;

    void onStart(@Observes StartupEvent event) {
        try {
            Ruleset ruleset = start();
            LOG.infof("Ruleset %s active: %d rules from %d files, %s in %d ms (%s model)", ruleset.version(),
                    ruleset.ruleCount(), ruleset.files().size(), ruleset.fromCache() ? "loaded as compiled before" : "compiled",
                    ruleset.compileMillis(), config.model());
        } catch (RulesetCompilationException e) {
            // Refusing to start is the only safe answer: a service without a policy would decide nothing.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Activates the version {@link StartupChoice} picks: the last activated, or the folders' files. */
    synchronized Ruleset start() throws RulesetCompilationException {
        RulesetSource.Loaded loaded = folders.load();
        Optional<Ruleset> last = startup.lastActivatedOver(loaded.files());
        if (last.isPresent()) {
            return activate(last.get(), new Activation.LastActivated(last.get().version()));
        }
        return activateFolders(loaded, "service start");
    }

    /** Recompiles the configured folders (or the bundled copy) and, if that succeeds, makes it the active ruleset. */
    public synchronized Ruleset reload(String actor) throws RulesetCompilationException {
        return activateFolders(folders.load(), actor);
    }

    /** Makes a compiled ruleset the serving one, in the steps this class's note lists. */
    public synchronized Ruleset activate(Ruleset next, Activation.Reason reason) {
        Activation activation = new Activation(next, active.peek(), reason);
        archive.keep(next);
        QuarkusTransaction.requiringNew().run(() -> {
            listeners.forEach(listener -> listener.recording(activation));
            log.append(activation);
        });
        active.swap(next);
        listeners.forEach(listener -> listener.serving(activation));
        return next;
    }

    /**
     * Makes the version the database names active here, unless it already serves. The database is read under the
     * same lock as every activation: read before it, a reload finishing meanwhile would be undone by a stale answer.
     */
    public synchronized Optional<String> follow(Supplier<Optional<String>> recorded, Function<String, Optional<Ruleset>> build) {
        Optional<String> version = recorded.get();
        Optional<Ruleset> serving = active.peek();
        if (version.isEmpty() || (serving.isPresent() && serving.get().version().equals(version.get()))) {
            return Optional.empty();
        }
        Optional<Ruleset> next = build.apply(version.get());
        if (next.isEmpty()) {
            return Optional.empty();
        }
        activate(next.get(), new Activation.ActiveElsewhere(version.get()));
        return version;
    }

    private Ruleset activateFolders(RulesetSource.Loaded loaded, String actor) throws RulesetCompilationException {
        Ruleset next = compilers.compiler().compile(loaded.origin(), loaded.files(), clock.instant());
        next.warnings().forEach(w -> LOG.warn(w.toString()));
        return activate(next, new Activation.FolderFiles(loaded.origin(), actor));
    }
}
