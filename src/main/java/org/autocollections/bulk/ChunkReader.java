package org.autocollections.bulk;

/** Reads cases in chunks, from a checkpoint on: the input of a portfolio run or a simulation. */
public interface ChunkReader extends ChunkPipeline.Source<CaseChunk>, AutoCloseable {

    /** The next chunk, or null at the end; a chunk may be empty when none of its cases is in the shard. */
    @Override
    CaseChunk next() throws Exception;

    /** How many cases the input holds for this shard, counted when the shard starts (for progress). */
    long total() throws Exception;

    @Override
    void close() throws Exception;
}
