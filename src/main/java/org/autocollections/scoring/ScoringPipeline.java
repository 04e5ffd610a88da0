package org.autocollections.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads chunks, scores them on a pool of worker threads (a chunk per thread at a time), and commits them one after
 * another in input order, so that the checkpoint always means "everything before it is committed". At most two
 * chunks per worker are in memory at once, whatever the size of the portfolio.
 */
final class ScoringPipeline {

    enum Outcome { COMPLETED, CANCELLED }

    private record Prepared<P>(List<P> items, String checkpoint, RunTally tally, long failed) {
    }

    private ScoringPipeline() {
    }

    static <P> Outcome run(ChunkReader reader, ChunkWriter<P> writer, Function<PendingCase, ScoredCase> scorer,
            int threads, RunProgress progress) throws Exception {
        AtomicInteger number = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "portfolio-scorer-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Prepared<P>>> inFlight = new ArrayDeque<>();
        try {
            CaseChunk chunk;
            while ((chunk = reader.next()) != null) {
                CaseChunk read = chunk;
                inFlight.add(workers.submit(() -> score(read, scorer, writer)));
                if (inFlight.size() > threads * 2 && !commit(inFlight.poll(), writer, progress)) {
                    return Outcome.CANCELLED;
                }
            }
            while (!inFlight.isEmpty()) {
                if (!commit(inFlight.poll(), writer, progress)) {
                    return Outcome.CANCELLED;
                }
            }
            return Outcome.COMPLETED;
        } finally {
            workers.shutdownNow();
        }
    }

    private static <P> Prepared<P> score(CaseChunk chunk, Function<PendingCase, ScoredCase> scorer, ChunkWriter<P> writer)
            throws Exception {
        List<P> items = new ArrayList<>(chunk.cases().size());
        RunTally tally = new RunTally();
        long failed = 0;
        for (PendingCase pending : chunk.cases()) {
            ScoredCase scored = scorer.apply(pending);
            if (scored.decided()) {
                tally.add(scored.decision(), scored.request().loan().currencyOrDefault());
            } else if (scored.copied()) {
                tally.decided++; // the floor's copy of the input stands for a decision
            } else {
                tally.addFailure();
                failed++;
            }
            items.add(writer.prepare(scored));
        }
        return new Prepared<>(items, chunk.checkpoint(), tally, failed);
    }

    private static <P> boolean commit(Future<Prepared<P>> next, ChunkWriter<P> writer, RunProgress progress) throws Exception {
        Prepared<P> prepared;
        try {
            prepared = next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
        if (!writer.commit(prepared.items(), prepared.checkpoint(), prepared.tally())) {
            return false;
        }
        progress.committed(prepared.items().size(), prepared.failed());
        return true;
    }
}
