package org.autocollections.scoring;

import java.util.List;

import org.autocollections.bulk.RunTally;

/**
 * Where a run's decisions go. {@link #prepare} runs on the worker threads (JSON and CSV are written there, in
 * parallel); {@link #commit} runs on one thread, chunk after chunk in input order, and makes the chunk durable
 * together with its checkpoint and tally, all or nothing.
 */
interface ChunkWriter<P> extends AutoCloseable {

    P prepare(ScoredCase scored) throws Exception;

    /** Commits the chunk; false when the run was cancelled meanwhile (the chunk is then not committed). */
    boolean commit(List<P> chunk, String checkpoint, RunTally tally) throws Exception;

    @Override
    void close() throws Exception;
}
