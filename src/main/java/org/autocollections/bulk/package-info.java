/**
 * Working on many cases at once, shared by the portfolio import, portfolio runs and ruleset simulations, and below
 * all three: the one {@link org.autocollections.bulk.ChunkPipeline} (read, work on all cores, commit in order, with
 * back-pressure); cases read in chunks ({@link org.autocollections.bulk.ChunkReader},
 * {@link org.autocollections.bulk.CaseChunk} of {@link org.autocollections.bulk.PendingCase}, the stored ones by
 * {@link org.autocollections.bulk.StoredCaseReader}) and divided into {@link org.autocollections.bulk.Shard}s; the
 * figures of many decisions ({@link org.autocollections.bulk.RunTally}); and the writing of many rows
 * ({@link org.autocollections.bulk.MultiRowInsert}, {@link org.autocollections.bulk.CsvRows}). It knows none of the
 * features that use it. A test holds the pipelines between two commits at the
 * {@link org.autocollections.bulk.CommitGate}.
 */
package org.autocollections.bulk;
