package org.autocollections.scoring;

import java.util.ArrayList;
import java.util.List;

import org.autocollections.bulk.RunTally;
import org.autocollections.decisions.DecisionRouting;

/**
 * A run's writer that also keeps the experiment assignments of each committed chunk, in one batch per chunk, so a run
 * of millions adds one statement or two per chunk rather than one per case. Kept after the chunk commits: a chunk
 * that is not committed is scored again on resume, and assigns the same arms (assignment is a pure function).
 */
final class AssignmentKeeper<P> implements ChunkWriter<AssignmentKeeper.Item<P>> {

    record Item<P>(P written, DecisionRouting.Routed assigned) {
    }

    private final ChunkWriter<P> writer;
    private final DecisionRouting routing;

    AssignmentKeeper(ChunkWriter<P> writer, DecisionRouting routing) {
        this.writer = writer;
        this.routing = routing;
    }

    @Override
    public Item<P> prepare(ScoredCase scored) throws Exception {
        boolean assigned = scored.decided() && scored.decision().experiment() != null;
        return new Item<>(writer.prepare(scored),
                assigned ? new DecisionRouting.Routed(scored.request(), scored.decision()) : null);
    }

    @Override
    public boolean commit(List<Item<P>> chunk, String checkpoint, RunTally tally) throws Exception {
        List<P> written = new ArrayList<>(chunk.size());
        List<DecisionRouting.Routed> assigned = new ArrayList<>();
        for (Item<P> item : chunk) {
            written.add(item.written());
            if (item.assigned() != null) {
                assigned.add(item.assigned());
            }
        }
        if (!writer.commit(written, checkpoint, tally)) {
            return false;
        }
        if (!assigned.isEmpty()) {
            routing.remember(assigned);
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }
}
