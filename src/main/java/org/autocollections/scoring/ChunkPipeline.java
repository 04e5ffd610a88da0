package org.autocollections.scoring;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads chunks on the calling thread, works on them on a pool of worker threads (a chunk per thread at a time), and
 * hands the results back one after another in input order, so that whatever is committed in that order means
 * "everything before it is done". At most two chunks per worker are in memory at once, whatever the input's size.
 * Portfolio runs and ruleset simulations both go through here.
 */
public final class ChunkPipeline {

    /** Works on one chunk; runs on a worker thread. */
    public interface Work<R> {
        R on(CaseChunk chunk) throws Exception;
    }

    /** Takes one chunk's result, in input order, on the calling thread; false stops the pipeline (cancelled). */
    public interface Commit<R> {
        boolean accept(R result) throws Exception;
    }

    private ChunkPipeline() {
    }

    /** True when every chunk was committed, false when a commit asked to stop. */
    public static <R> boolean run(ChunkReader reader, Work<R> work, Commit<R> commit, int threads, String threadName)
            throws Exception {
        AtomicInteger number = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName + "-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<R>> inFlight = new ArrayDeque<>();
        try {
            CaseChunk chunk;
            while ((chunk = reader.next()) != null) {
                CaseChunk read = chunk;
                inFlight.add(workers.submit(() -> work.on(read)));
                if (inFlight.size() > threads * 2 && !commit.accept(result(inFlight.poll()))) {
                    return false;
                }
            }
            while (!inFlight.isEmpty()) {
                if (!commit.accept(result(inFlight.poll()))) {
                    return false;
                }
            }
            return true;
        } finally {
            workers.shutdownNow();
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
}
