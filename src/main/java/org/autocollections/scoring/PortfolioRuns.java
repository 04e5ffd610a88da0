package org.autocollections.scoring;

import org.autocollections.api.Message;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs started through the API, on a thread of their own in this process: the request returns at once with the
 * run's id, and the run is followed with GET. A run left unfinished by a stopped process is resumed by starting it
 * again with its id (here, or with the command line).
 */
@ApplicationScoped
public class PortfolioRuns {

    @Inject
    PortfolioScorer scorer;

    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "portfolio-run");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, CompletableFuture<PortfolioRun>> running = new ConcurrentHashMap<>();

    /**
     * Each run scores on a worker pool of its own (one thread per core), so runs at once in one process are capped:
     * more would only share the same cores and hold more chunks in memory. Further runs belong on other replicas.
     */
    private final java.util.concurrent.Semaphore slots;

    @Inject
    PortfolioRuns(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "collections.portfolio.max-concurrent-runs",
            defaultValue = "4") int maxConcurrentRuns) {
        this.slots = new java.util.concurrent.Semaphore(maxConcurrentRuns);
    }

    /** Claims the shard now (so that its run exists when this returns) and scores it in the background. */
    public RunStore.Claim start(RunSpec spec) {
        if (!slots.tryAcquire()) {
            throw new RunConflictException(Message.of("run-conflict.detail.busy"));
        }
        boolean submitted = false;
        try {
            RunStore.Claim claim = scorer.claim(spec);
            String runId = claim.run().runId;
            CompletableFuture<PortfolioRun> future = new CompletableFuture<>();
            if (running.putIfAbsent(runId + "#" + spec.shard().index(), future) != null) {
                throw new RunConflictException(Message.of("run-conflict.detail.shard-busy", runId, spec.shard()));
            }
            runner.submit(() -> {
                try {
                    future.complete(scorer.score(claim, spec, new RunProgress()));
                } catch (Throwable e) {
                    future.completeExceptionally(e);
                } finally {
                    running.remove(runId + "#" + spec.shard().index());
                    slots.release();
                }
            });
            submitted = true;
            return claim;
        } finally {
            if (!submitted) {
                slots.release();
            }
        }
    }

    /** Waits for this process's part of the run to end; for tests and for an orderly shutdown. */
    public boolean await(String runId, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Map.Entry<String, CompletableFuture<PortfolioRun>> e : running.entrySet()) {
            if (e.getKey().startsWith(runId + "#")) {
                try {
                    e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
                    return e.getValue().isDone();
                }
            }
        }
        return true;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
