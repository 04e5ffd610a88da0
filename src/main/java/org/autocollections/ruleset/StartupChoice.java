package org.autocollections.ruleset;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.tables.PolicyFile;
import org.jboss.logging.Logger;

/**
 * Which version serves when the service starts. The folders win only when they hold files never loaded before (a new
 * release, or tables edited while the service was down); otherwise the version last activated serves, so an approved
 * draft or a rollback survives a restart and every replica serves the same version.
 */
@ApplicationScoped
class StartupChoice {

    private static final Logger LOG = Logger.getLogger(StartupChoice.class);

    @Inject
    ActivationLog log;

    @Inject
    RulesetArchive archive;

    /** The version last activated, rebuilt, when it rather than the folders' files is to serve. */
    Optional<Ruleset> lastActivatedOver(List<PolicyFile> folderFiles) throws RulesetCompilationException {
        String folderVersion = RulesetCompiler.versionOf(folderFiles);
        Optional<String> last = log.lastVersion();
        boolean foldersServedBefore = log.served(folderVersion);
        if (last.isEmpty() || last.get().equals(folderVersion) || !foldersServedBefore) {
            return Optional.empty();
        }
        Optional<Ruleset> kept = archive.rebuild(last.get());
        kept.ifPresent(k -> LOG.infof("Serving version %s, the last activated; the folders hold version %s, "
                + "activated before and since replaced", k.version(), folderVersion));
        return kept;
    }
}
