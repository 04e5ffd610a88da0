package org.autocollections.scoring;

import java.nio.file.Path;
import java.time.Instant;

import org.autocollections.bulk.Shard;
import org.autocollections.portfolio.ImportFormat;

/**
 * What to score and how. A stored run has no input; a file run reads {@code input} and writes {@code output}.
 * {@code runId} null means: resume the newest unfinished run of the same kind and shard count, else start one.
 * {@code floor} replaces each decision by a copy of the input, to measure the pipeline alone (benchmarks).
 * {@code trace} writes each decision of a file run's JSON Lines output in full (worded reasons and {@code rulesFired},
 * every rule fired in order); without it each decision is compact, as the HTTP answer by default, and still names,
 * in its reasons, the rule and table row behind every conclusion.
 */
public record RunSpec(String runId, Path input, ImportFormat inputFormat, Path output, ImportFormat outputFormat,
        Shard shard, Instant asOf, int chunkSize, int threads, boolean floor, boolean trace) {

    public RunSpec(String runId, Path input, ImportFormat inputFormat, Path output, ImportFormat outputFormat,
            Shard shard, Instant asOf, int chunkSize, int threads, boolean floor) {
        this(runId, input, inputFormat, output, outputFormat, shard, asOf, chunkSize, threads, floor, false);
    }

    public RunSpec {
        shard = shard == null ? Shard.WHOLE : shard;
        chunkSize = chunkSize <= 0 ? 500 : Math.min(chunkSize, 5_000);
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        if ((input == null) != (output == null)) {
            throw new IllegalArgumentException("a file run needs both an input and an output file");
        }
    }

    public static RunSpec stored(String runId, Shard shard, Instant asOf) {
        return new RunSpec(runId, null, null, null, null, shard, asOf, 0, 0, false);
    }

    public PortfolioRun.Source source() {
        return input == null ? PortfolioRun.Source.STORED : PortfolioRun.Source.FILE;
    }
}
