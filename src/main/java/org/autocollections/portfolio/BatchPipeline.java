package org.autocollections.portfolio;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.autocollections.api.CollectionCase;

/**
 * Stores batches on a thread of its own while the next batch is read and validated, so that reading and the
 * database work at the same time. Batches are stored one at a time, in the order given; at most two wait, so memory
 * holds at most four batches. A failure to store stops the import: it is thrown from the next submit, or from finish.
 */
final class BatchPipeline {

    private static final List<CollectionCase> END = List.of();

    private final BlockingQueue<List<CollectionCase>> queue = new ArrayBlockingQueue<>(2);
    private final CaseBatchWriter writer;
    private final ImportProgress progress;
    private final Thread thread;
    private volatile RuntimeException failure;

    // Written by the pipeline's thread only; read after it has ended.
    private long created;
    private long updated;
    private long unchanged;

    BatchPipeline(CaseBatchWriter writer, ImportProgress progress) {
        this.writer = writer;
        this.progress = progress;
        this.thread = new Thread(this::drain, "portfolio-import-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain() {
        try {
            while (true) {
                List<CollectionCase> batch = queue.take();
                if (batch == END) {
                    return;
                }
                List<CaseBatchWriter.Pending> pending = new java.util.ArrayList<>(batch.size());
                for (CollectionCase c : batch) {
                    pending.add(writer.pending(c)); // written as JSON here, off the thread that reads and validates
                }
                for (CaseBatchWriter.Outcome outcome : writer.write(pending)) {
                    switch (outcome) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                }
                progress.stored.addAndGet(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        }
    }

    /** Queues a batch, the caller's to forget: waits while two are waiting already. */
    void submit(List<CollectionCase> batch) {
        if (batch.isEmpty()) {
            return;
        }
        put(batch);
    }

    private void put(List<CollectionCase> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) {
                    throw new IllegalStateException("the import's writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while importing", e);
        }
        rethrow();
    }

    /** Waits for every batch to be stored; returns {created, updated, unchanged}. */
    long[] finish() {
        put(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IllegalStateException("interrupted while importing", e);
        }
        rethrow();
        return new long[] { created, updated, unchanged };
    }

    /** Stops after the batch being stored, dropping those that wait. */
    void abort() {
        queue.clear();
        queue.offer(END); // room for it: only this thread puts, and it just emptied the queue
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
