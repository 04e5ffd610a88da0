package org.autocollections.lifecycle;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.ruleset.RulesetActivator;
import org.autocollections.ruleset.Ruleset;
import org.autocollections.ruleset.RulesetArchive;
import org.autocollections.ruleset.RulesetCompilationException;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps every replica on the version the lifecycle says is active: an approver's activation or rollback reaches one
 * replica by HTTP, and the others find it in the database within one interval.
 */
@ApplicationScoped
public class ActiveVersionFollower {

    private static final Logger LOG = Logger.getLogger(ActiveVersionFollower.class);

    @Inject
    RulesetActivator activator;

    @Inject
    RulesetArchive archive;

    @Inject
    DraftStore store;

    @Scheduled(every = "${collections.policy.follow-every:10s}", delayed = "${collections.policy.follow-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            follow();
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next interval tries again
            LOG.debugf("Could not check the active version: %s", e.getMessage());
        }
    }

    /** Activates here the version the database names active, if it differs. Returns whether it did. */
    public boolean follow() {
        Optional<String> followed = activator.follow(store::activeVersion, this::build);
        followed.ifPresent(v -> LOG.infof("Now serving version %s, activated by another replica", v));
        return followed.isPresent();
    }

    private Optional<Ruleset> build(String version) {
        try {
            return archive.version(version);
        } catch (RulesetCompilationException e) {
            LOG.errorf("Version %s, active elsewhere, does not compile here: %s", version, e.getMessage());
            return Optional.empty();
        }
    }
}
