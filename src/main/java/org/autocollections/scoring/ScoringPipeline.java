package org.autocollections.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.autocollections.bulk.CaseChunk;
import org.autocollections.bulk.ChunkPipeline;
import org.autocollections.bulk.ChunkReader;
import org.autocollections.bulk.CommitGate;
import org.autocollections.bulk.PendingCase;
import org.autocollections.bulk.RunTally;

/**
 * Scores chunks on the worker threads of the {@link ChunkPipeline} and commits them one after another in input order,
 * so that the checkpoint always means "everything before it is committed".
 */
final class ScoringPipeline {

    enum Outcome { COMPLETED, CANCELLED }

    private record Prepared<P>(List<P> items, String checkpoint, RunTally tally, long failed) {
    }

    private ScoringPipeline() {
    }

    static <P> Outcome run(ChunkReader reader, ChunkWriter<P> writer, Function<PendingCase, ScoredCase> scorer,
            int threads, RunProgress progress, CommitGate gate) throws Exception {
        boolean completed = ChunkPipeline.run(reader, chunk -> score(chunk, scorer, writer),
                gate.guard((Prepared<P> prepared) -> commit(prepared, writer, progress)), threads, "portfolio-scorer");
        return completed ? Outcome.COMPLETED : Outcome.CANCELLED;
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

    private static <P> boolean commit(Prepared<P> prepared, ChunkWriter<P> writer, RunProgress progress) throws Exception {
        if (!writer.commit(prepared.items(), prepared.checkpoint(), prepared.tally())) {
            return false;
        }
        progress.committed(prepared.items().size(), prepared.failed());
        return true;
    }
}
