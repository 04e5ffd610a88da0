package org.autocollections.lifecycle;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.autocollections.ruleset.ActiveRuleset;
import org.autocollections.ruleset.PolicyConfig;
import org.autocollections.ruleset.PolicyFolders;
import org.autocollections.tables.PolicyFile;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetCompiler;
import org.autocollections.security.Roles;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Watch mode for a service run from a working copy: a table saved into the policy folders becomes a draft, validated
 * at once, and, when configured to, the active ruleset if it has no error. Saves come in bursts (Excel writes a
 * temporary file, renames it, touches the lock file), so the folders are read once they have been quiet a moment.
 */
@ApplicationScoped
public class FolderWatch {

    private static final Logger LOG = Logger.getLogger(FolderWatch.class);

    @Inject
    PolicyConfig config;

    @Inject
    ActiveRuleset active;

    @Inject
    ApprovalWorkflow workflow;

    @Inject
    DraftStore store;

    @Inject
    PolicyFolders policyFolders;

    private WatchService watcher;
    private Thread thread;

    void onStart(@Observes StartupEvent event) {
        if (config.watch() == PolicyConfig.Watch.OFF) {
            return;
        }
        if (config.watchQuiet().toMillis() < 1) {
            // a wait of nothing would read the folders in the middle of every save
            throw new IllegalArgumentException("collections.policy.watch-quiet must be at least 1 ms, not "
                    + config.watchQuiet());
        }
        List<Path> folders = folders();
        if (folders.isEmpty()) {
            return; // the bundled copy cannot be edited
        }
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (Path folder : folders) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        } catch (IOException e) {
            LOG.warnf("Watch mode is off: the policy folders cannot be watched (%s)", e.getMessage());
            return;
        }
        thread = new Thread(this::watch, "policy-folder-watch");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Watch mode (%s): tables saved into %s become drafts", config.watch(), folders);
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }

    private void watch() {
        try {
            while (true) {
                var key = watcher.take();
                key.pollEvents();
                key.reset();
                // wait for the burst of a save to end
                long quiet = config.watchQuiet().toMillis();
                for (var more = watcher.poll(quiet, TimeUnit.MILLISECONDS); more != null;
                        more = watcher.poll(quiet, TimeUnit.MILLISECONDS)) {
                    more.pollEvents();
                    more.reset();
                }
                try {
                    scan();
                } catch (RuntimeException e) {
                    LOG.warnf("Watch mode could not make a draft of the folders: %s", e.getMessage());
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the folders and, if they hold files no draft or active version holds, makes them a draft. Returns it.
     * Called by the watcher after each save; callable directly so a test needs no wait.
     */
    public synchronized Optional<Draft> scan() {
        List<PolicyFile> files = policyFolders.load().files();
        String version = RulesetCompiler.versionOf(files);
        if (store.isKnown(version)) {
            return Optional.empty();
        }
        Ruleset base = active.current();
        Set<String> changed = changedPaths(base.sourceFiles(), files);
        // Whoever can save into the folders can edit code too; set to activate, watch mode stands in for the approver.
        Actor actor = new Actor(ApprovalWorkflow.WATCH, config.watch() == PolicyConfig.Watch.ACTIVATE
                ? Set.of(Roles.DEVELOPER, Roles.APPROVER) : Set.of(Roles.DEVELOPER));
        Draft draft = workflow.create(files, changed, base.version(), "saved into the policy folders: "
                + String.join(", ", changed), null, actor, Draft.Origin.WATCH);
        LOG.infof("Watch mode: draft %d (version %s) is %s with %d errors and %d warnings", draft.id, draft.version,
                draft.status, draft.errorCount, draft.warningCount);
        if (config.watch() == PolicyConfig.Watch.ACTIVATE && draft.status == DraftStatus.VALIDATED) {
            workflow.approveByConfiguration(draft.id, "watch mode is set to activate drafts without errors");
            draft = workflow.activate(draft.id, "activated by watch mode", actor);
            LOG.infof("Watch mode: version %s is active", draft.version);
        }
        return Optional.of(draft);
    }

    private static Set<String> changedPaths(List<PolicyFile> before, List<PolicyFile> after) {
        Map<String, String> was = before.stream().collect(Collectors.toMap(PolicyFile::path, PolicyFile::sha256));
        Set<String> changed = new LinkedHashSet<>();
        after.stream().filter(f -> !f.sha256().equals(was.get(f.path()))).map(PolicyFile::path).forEach(changed::add);
        return changed;
    }

    private List<Path> folders() {
        return List.of(config.rulesDir().orElse(Path.of("rules")), config.tablesDir().orElse(Path.of("decision-tables")))
                .stream().filter(Files::isDirectory).toList();
    }

}
