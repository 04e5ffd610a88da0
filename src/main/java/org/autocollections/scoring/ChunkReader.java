package org.autocollections.scoring;

/** Reads the run's input in chunks, from the checkpoint on. */
public interface ChunkReader extends AutoCloseable {

    /** The next chunk, or null at the end; a chunk may be empty when none of its cases is in the shard. */
    CaseChunk next() throws Exception;

    /** How many cases the input holds for this shard, counted when the shard starts (for progress). */
    long total() throws Exception;

    @Override
    void close() throws Exception;
}
