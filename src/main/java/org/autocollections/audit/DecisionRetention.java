package org.autocollections.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes decision records once they are older than the retention period, and never sooner. This is the only
 * place a decision record is ever removed.
 */
@ApplicationScoped
public class DecisionRetention {

    private static final Logger LOG = Logger.getLogger(DecisionRetention.class);

    @Inject
    Clock clock;

    @ConfigProperty(name = "collections.audit.retention", defaultValue = "P5Y")
    Period retention;

    @Scheduled(cron = "{collections.audit.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d decision records older than %s", deleted, retention);
        }
    }

    /** Deletes the records decided before now minus the retention period; returns how many. */
    public long purge() {
        Instant cutoff = cutoff();
        // A native delete: the records are immutable to Hibernate, which refuses bulk changes to them by design.
        return QuarkusTransaction.requiringNew().call(() -> (long) Panache.getEntityManager()
                .createNativeQuery("delete from decision_record where decided_at < ?1")
                .setParameter(1, cutoff).executeUpdate());
    }

    /** Records decided before this instant are past the retention period. */
    public Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
    }
}
