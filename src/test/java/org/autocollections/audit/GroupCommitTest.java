package org.autocollections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.autocollections.api.Decision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.autocollections.DatabaseFree;

/**
 * Group commit on a ledger that stands in for the database, so that a test decides when a commit ends and how: every
 * caller is answered once its own record is committed, and a failed group fails every caller in it and no other.
 */
@DatabaseFree
class GroupCommitTest {

    /** Commits what it is given, after the test's hook has run (which may hold it, or throw as the database would). */
    static final class StandInLedger extends DecisionLedger {
        final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
        volatile Consumer<List<String>> beforeCommit = ids -> { };

        @Override
        public DecisionRecord toRecord(Entry entry) {
            DecisionRecord row = new DecisionRecord();
            row.decisionId = entry.decision().decisionId();
            return row;
        }

        @Override
        public void commit(List<DecisionRecord> rows) {
            List<String> ids = rows.stream().map(r -> r.decisionId).toList();
            beforeCommit.accept(ids);
            groups.add(ids);
        }

        Set<String> committed() {
            synchronized (groups) {
                return groups.stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
            }
        }
    }

    private final StandInLedger ledger = new StandInLedger();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    private GroupCommit groupCommit(int writers) {
        GroupCommit g = new GroupCommit();
        g.ledger = ledger;
        g.enabled = true;
        g.maxSize = 256;
        g.writers = writers;
        g.configured();
        return g;
    }

    private static DecisionLedger.Entry entry(String decisionId) {
        Decision d = new Decision("CASE-" + decisionId, decisionId, null, null, null, null, null, null, null, null, null,
                null, null);
        return new DecisionLedger.Entry(null, d, false);
    }

    private Future<?> record(GroupCommit g, String decisionId) {
        return callers.submit(() -> g.record(entry(decisionId)));
    }

    private static void awaitQueued(GroupCommit g, int n) {
        while (g.queued() < n) {
            Thread.onSpinWait();
        }
    }

    /**
     * Starts a caller whose commit (of {@code firstId} alone: the slot is free) is held until the returned latch is
     * released, so that the callers started meanwhile queue behind it; other groups go to {@code otherGroups}.
     */
    private CountDownLatch holdFirstCommit(GroupCommit g, String firstId, Consumer<List<String>> otherGroups,
            List<Future<?>> firstCaller) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ledger.beforeCommit = ids -> {
            if (ids.contains(firstId)) {
                held.countDown();
                await(release);
            } else {
                otherGroups.accept(ids);
            }
        };
        firstCaller.add(record(g, firstId));
        assertThat(held.await(10, TimeUnit.SECONDS)).as("the first commit started").isTrue();
        return release;
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void concurrentDecisionsShareCommitsAndEachIsAnsweredOnlyOnceItsRecordIsCommitted() throws Exception {
        GroupCommit g = groupCommit(1);
        List<Future<?>> first = new ArrayList<>();
        CountDownLatch release = holdFirstCommit(g, "D-0", ids -> { }, first);

        int n = 40;
        List<Future<?>> rest = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rest.add(record(g, "D-" + i));
        }
        awaitQueued(g, n);
        assertThat(rest).as("no decision is answered while its record waits").noneMatch(Future::isDone);

        release.countDown();
        first.get(0).get(10, TimeUnit.SECONDS);
        for (Future<?> f : rest) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(ledger.committed()).hasSize(n + 1);
        assertThat(ledger.groups).as("the decisions that waited share one commit").hasSize(2);
        assertThat(ledger.groups.get(1)).hasSize(n);
    }

    @Test
    void manyThreadsAtOnceAreAllRecordedAndAllAnswered() throws Exception {
        GroupCommit g = groupCommit(2);
        int n = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "M-" + i;
            all.add(callers.submit(() -> {
                await(start);
                g.record(entry(id));
            }));
        }
        start.countDown();
        for (Future<?> f : all) {
            f.get(30, TimeUnit.SECONDS);
        }
        assertThat(ledger.committed()).hasSize(n);
        assertThat(ledger.groups.stream().mapToInt(List::size).sum()).as("each record committed once").isEqualTo(n);
        assertThat(g.queued()).isZero();
    }

    @Test
    void whenTheDatabaseIsCutMidGroupEveryCallerInTheGroupFailsAndTheNextGroupIsCommitted() throws Exception {
        GroupCommit g = groupCommit(1);
        Set<String> cut = ConcurrentHashMap.newKeySet();
        List<Future<?>> first = new ArrayList<>();
        CountDownLatch release = holdFirstCommit(g, "C-0", ids -> {
            if (ids.stream().anyMatch(id -> id.startsWith("C-"))) {
                cut.addAll(ids);
                throw new DatabaseUnavailableException(new java.sql.SQLTransientConnectionException("cut"));
            }
        }, first);
        int n = 8;
        List<Future<?>> group = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            group.add(record(g, "C-" + i));
        }
        awaitQueued(g, n);

        release.countDown();
        first.get(0).get(10, TimeUnit.SECONDS);
        for (Future<?> f : group) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.get(10, TimeUnit.SECONDS)))
                    .as("a caller in the cut group").hasCauseInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(cut).as("the cut group held every waiting decision").hasSize(n);
        assertThat(ledger.committed()).containsExactly("C-0");

        record(g, "AFTER").get(10, TimeUnit.SECONDS);
        assertThat(ledger.committed()).as("the failed group did not wedge the queue").contains("AFTER");
    }

    @Test
    void aRecordThatFailsForItsOwnReasonCostsOnlyItsOwnDecision() throws Exception {
        GroupCommit g = groupCommit(1);
        List<Future<?>> first = new ArrayList<>();
        CountDownLatch release = holdFirstCommit(g, "B-0", ids -> {
            if (ids.contains("B-BAD")) {
                throw new IllegalStateException("duplicate decision id");
            }
        }, first);
        Future<?> good1 = record(g, "B-1");
        Future<?> bad = record(g, "B-BAD");
        Future<?> good2 = record(g, "B-2");
        awaitQueued(g, 3);

        release.countDown();
        first.get(0).get(10, TimeUnit.SECONDS);
        good1.get(10, TimeUnit.SECONDS);
        good2.get(10, TimeUnit.SECONDS);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> bad.get(10, TimeUnit.SECONDS)))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(ledger.committed()).containsExactlyInAnyOrder("B-0", "B-1", "B-2");
    }

    @Test
    void shutdownCommitsWhatIsStillQueued() {
        GroupCommit g = groupCommit(1);
        // a record queued by a caller that has not yet taken a slot
        g.slots.acquireUninterruptibly();
        Future<?> waiting = record(g, "S-1");
        awaitQueued(g, 1);
        g.slots.release();
        g.drain();
        assertThat(ledger.committed()).contains("S-1");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> waiting.get(10, TimeUnit.SECONDS))).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
