package org.autocollections.cases;

import java.time.Clock;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.audit.DecisionLedger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Logs history entries idempotently: the first call with an entry id stores it; a retry with the same id and the
 * same content changes nothing; the same id with other content is a conflict, except for a status, which is how a
 * plan or a promise moves on.
 */
@ApplicationScoped
public class HistoryLog {

    @Inject
    Clock clock;

    @Inject
    CaseStore store;

    /** The outcome of a log call: the stored entry and whether this call created it. */
    public record Logged<E>(E entry, boolean created) {
    }

    public <E extends HistoryEntry> Logged<E> log(Class<E> type, String caseId, String entryId, Supplier<E> make,
            BiPredicate<E, E> sameFacts, Consumer<E> updateStatus) {
        try {
            return attempt(type, caseId, entryId, make, sameFacts, updateStatus);
        } catch (RuntimeException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            // The same entry logged twice at once: one insert won; this call now finds it and answers as a retry.
            return attempt(type, caseId, entryId, make, sameFacts, updateStatus);
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private <E extends HistoryEntry> Logged<E> attempt(Class<E> type, String caseId, String entryId, Supplier<E> make,
            BiPredicate<E, E> sameFacts, Consumer<E> updateStatus) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            store.require(caseId);
            E existing = find(type, caseId, entryId);
            if (existing == null) {
                E entry = make.get();
                entry.caseId = caseId;
                entry.entryId = entryId;
                entry.loggedAt = clock.instant();
                entry.persist();
                return new Logged<>(entry, true);
            }
            E proposed = make.get();
            if (!sameFacts.test(existing, proposed)) {
                throw new EntryConflictException(entryId);
            }
            updateStatus.accept(existing);
            return new Logged<>(existing, false);
        }));
    }

    @SuppressWarnings("unchecked")
    private static <E extends HistoryEntry> E find(Class<E> type, String caseId, String entryId) {
        return (E) io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " where caseId = ?1 and entryId = ?2", type)
                .setParameter(1, caseId).setParameter(2, entryId)
                .getResultStream().findFirst().orElse(null);
    }

}
