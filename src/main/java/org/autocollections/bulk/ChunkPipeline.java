package org.autocollections.bulk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's one chunk pipeline: the portfolio import, portfolio runs and ruleset simulations all go through it.
 * Chunks are read on the calling thread, worked on by a pool of worker threads (a chunk per thread at a time), and
 * committed on a thread of their own, one after another in input order, so that whatever is committed in that order
 * means "everything before it is done"; reading, working and committing all go on at once.
 *
 * <p>Back-pressure: at most {@code waiting} chunks wait for their work or their commit; the reader waits beyond
 * that, so memory holds at most {@code waiting} + 2 chunks (those, the one being committed and the one being read)
 * whatever the size of the input. A failure, in the work or in a commit, stops the pipeline and is thrown to the
 * reader from its next {@link #submit} or from {@link #finish}; a commit that answers false stops it too (cancelled).
 */
public final class ChunkPipeline<C, R> implements AutoCloseable {

    /** Works on one chunk; runs on a worker thread. */
    public interface Work<C, R> {
        R on(C chunk) throws Exception;
    }

    /** Takes one chunk's result, in input order, on the committing thread; false stops the pipeline (cancelled). */
    public interface Commit<R> {
        boolean accept(R result) throws Exception;
    }

    /** The input, a chunk at a time; null at the end. */
    public interface Source<C> {
        C next() throws Exception;
    }

    /** How long a reader that waits for room looks again whether the pipeline has stopped meanwhile. */
    private static final long RECHECK_MILLIS = 100;
    /** How long closing waits for the chunk being committed. */
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final Future<R> end = CompletableFuture.completedFuture(null);
    private final Work<C, R> work;
    private final Commit<R> commit;
    private final BlockingQueue<Future<R>> waiting;
    private final ExecutorService workers;
    private final Thread committer;

    /** Written before {@link #stopped}, so that a reader who sees the pipeline stopped sees why. */
    private volatile Exception failure;
    private volatile boolean cancelled;
    private volatile boolean closing;
    /** The committing thread has ended: at the end of the input, cancelled, failed or closed. */
    private volatile boolean stopped;
    private boolean finished;

    public ChunkPipeline(Work<C, R> work, Commit<R> commit, int threads, int waiting, String threadName) {
        this.work = work;
        this.commit = commit;
        this.waiting = new ArrayBlockingQueue<>(Math.max(1, waiting));
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.committer = new Thread(this::commitInOrder, threadName + "-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /**
     * Reads the whole source through a pipeline with {@code threads} workers and two chunks waiting per worker. True
     * when every chunk was committed, false when a commit asked to stop.
     */
    public static <C, R> boolean run(Source<C> source, Work<C, R> work, Commit<R> commit, int threads, String threadName)
            throws Exception {
        try (ChunkPipeline<C, R> pipeline = new ChunkPipeline<>(work, commit, threads, threads * 2, threadName)) {
            C chunk;
            while ((chunk = source.next()) != null) {
                if (!pipeline.submit(chunk)) {
                    return false;
                }
            }
            return pipeline.finish();
        }
    }

    /** Hands a chunk over, the caller's to forget: waits while the pipeline is full. False once it was cancelled. */
    public boolean submit(C chunk) throws Exception {
        if (!stopped) {
            Future<R> result = workers.submit(() -> work.on(chunk));
            if (!queue(result)) {
                result.cancel(true);
            }
        }
        if (stopped) {
            rethrow();
            return false;
        }
        return true;
    }

    /** Waits for every chunk to be committed: true when all were, false when a commit asked to stop. */
    public boolean finish() throws Exception {
        queue(end);
        committer.join();
        finished = true;
        rethrow();
        return !cancelled;
    }

    /** Stops after the chunk being committed, dropping those that wait; after {@link #finish}, only lets the workers go. */
    @Override
    public void close() {
        if (!finished) {
            closing = true;
            dropWaiting();
            waiting.offer(end);
            try {
                committer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdownNow();
    }

    /** Puts the result in line for its commit; false when the committing thread has stopped and never will take it. */
    private boolean queue(Future<R> result) throws InterruptedException {
        while (!waiting.offer(result, RECHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stopped) {
                return false;
            }
        }
        return true;
    }

    private void commitInOrder() {
        try {
            while (true) {
                Future<R> next = waiting.take();
                if (next == end || closing) {
                    return;
                }
                if (!commit.accept(result(next))) {
                    cancelled = true;
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException(e);
            throw e;
        } finally {
            stopped = true;
            dropWaiting();
        }
    }

    private void dropWaiting() {
        Future<R> dropped;
        while ((dropped = waiting.poll()) != null) {
            dropped.cancel(true);
        }
    }

    private static <R> R result(Future<R> next) throws Exception {
        try {
            return next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void rethrow() throws Exception {
        Exception e = failure;
        if (e != null) {
            throw e;
        }
    }
}
