package org.autocollections.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Concurrent single decisions share one commit of their records (group commit). Each caller queues its record and
 * waits until that record is committed, or its group failed; a caller that finds a commit slot free commits every
 * record waiting (up to {@code max-size}) in one transaction, its own among them. There is no timer: a caller alone
 * commits at once, on its own thread, and while one group commits the next one gathers. A failed group fails every
 * caller in it (a database cut gives each of them 503, never an answer without a record); a group that fails for
 * another reason is committed again one record at a time, so that one bad record costs only its own decision. Up to
 * {@code writers} groups commit at once, so that one slow commit does not hold every decision behind it.
 */
@ApplicationScoped
public class GroupCommit {

    @Inject
    DecisionLedger ledger;

    @ConfigProperty(name = "collections.audit.group-commit.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "collections.audit.group-commit.max-size", defaultValue = "256")
    int maxSize;

    @ConfigProperty(name = "collections.audit.group-commit.writers", defaultValue = "2")
    int writers;

    private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    Semaphore slots; // package-private: a test holds a slot to keep a record queued

    /** A record waiting for its commit, and the thread waiting for it. */
    private static final class Waiting {
        final DecisionRecord row;
        final Thread caller;
        volatile boolean settled;
        volatile Throwable failure;
        volatile int group; // how many records the transaction that settled it held

        Waiting(DecisionRecord row, Thread caller) {
            this.row = row;
            this.caller = caller;
        }

        void settle(Throwable failure, int group) {
            this.failure = failure;
            this.group = group;
            settled = true;
            LockSupport.unpark(caller);
        }
    }

    @PostConstruct
    void configured() {
        if (maxSize < 1 || writers < 1) {
            throw new IllegalArgumentException("collections.audit.group-commit.max-size and .writers must be at least 1");
        }
        slots = new Semaphore(writers);
    }

    /**
     * Records one decision and returns once its record is committed, with the number of records committed in the same
     * transaction (its own included); fails as {@link DecisionLedger#record} does (with
     * {@link DatabaseUnavailableException} when the database cannot take it).
     */
    public int record(DecisionLedger.Entry entry) {
        if (!enabled) {
            ledger.record(List.of(entry));
            return 1;
        }
        // the record is made here, on the caller's thread: it carries the caller's request id, and the JSON is
        // written in parallel rather than by whoever commits
        Waiting mine = new Waiting(ledger.toRecord(entry), Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.settled) {
            if (slots.tryAcquire()) {
                try {
                    commitGroup();
                } finally {
                    slots.release();
                }
                wakeNext();
            } else {
                LockSupport.park(this);
                // an interrupted caller still waits for its record's outcome: answering before it is known could
                // give a decision without its record
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failure = mine.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return mine.group;
    }

    /** Records queued and not yet taken into a group. */
    int queued() {
        return queue.size();
    }

    /** The first caller still queued commits the next group, now that a slot is free. */
    private void wakeNext() {
        Waiting next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** Commits what is queued, up to the group size, in one transaction, and settles each caller in the group. */
    private void commitGroup() {
        List<Waiting> group = new ArrayList<>();
        Waiting w;
        while (group.size() < maxSize && (w = queue.poll()) != null) {
            group.add(w);
        }
        if (group.isEmpty()) {
            return;
        }
        try {
            ledger.commit(group.stream().map(g -> g.row).toList());
        } catch (RuntimeException e) {
            if (group.size() > 1 && !(e instanceof DatabaseUnavailableException)) {
                group.forEach(this::commitAlone);
            } else {
                group.forEach(g -> g.settle(e, group.size()));
            }
            return;
        } catch (Error e) {
            group.forEach(g -> g.settle(e, group.size()));
            throw e;
        }
        group.forEach(g -> g.settle(null, group.size()));
    }

    private void commitAlone(Waiting w) {
        try {
            ledger.commit(List.of(w.row));
            w.settle(null, 1);
        } catch (RuntimeException | Error e) {
            w.settle(e, 1);
        }
    }

    /** At shutdown, the groups being committed finish, and whatever is still queued is committed before the end. */
    @PreDestroy
    void drain() {
        slots.acquireUninterruptibly(writers);
        try {
            while (!queue.isEmpty()) {
                commitGroup();
            }
        } finally {
            slots.release(writers);
        }
    }
}
