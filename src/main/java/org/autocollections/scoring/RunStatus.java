package org.autocollections.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a run stands: its shards' progress added up, the rate of the shards still running, and the time left. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A portfolio run and its progress.")
public record RunStatus(
        String runId,
        PortfolioRun.Source source,
        PortfolioRun.Status status,
        String rulesetVersion,
        Instant asOf,
        Instant createdAt,
        Instant finishedAt,
        int shardCount,
        @Schema(description = "Cases to score, once every shard has counted its own; null before.") Long total,
        @Schema(description = "Cases with a committed outcome: decided plus failed.") long done,
        long decided,
        long failed,
        @Schema(description = "Percent done, when the total is known.") Double percent,
        @Schema(description = "Cases per second of the shards running now.") Double casesPerSecond,
        @Schema(description = "Seconds left at that rate.") Long etaSeconds,
        String previousRunId,
        List<Shard> shards) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shard(int index, PortfolioRun.Status status, long total, long decided, long failed, String checkpoint,
            Instant startedAt, Instant updatedAt, Instant finishedAt, String error) {
    }

    public static RunStatus of(PortfolioRun run, List<RunShard> shards) {
        long decided = 0;
        long failed = 0;
        long total = 0;
        double rate = 0;
        boolean totalKnown = shards.size() == run.shardCount;
        for (RunShard s : shards) {
            decided += s.scored;
            failed += s.failed;
            totalKnown &= s.total >= 0;
            total += Math.max(0, s.total);
            if (s.status == PortfolioRun.Status.RUNNING) {
                double seconds = Duration.between(s.resumedAt, s.updatedAt).toMillis() / 1000.0;
                rate += seconds > 0 ? (s.done() - s.scoredAtResume) / seconds : 0;
            }
        }
        long done = decided + failed;
        boolean running = run.status == PortfolioRun.Status.RUNNING;
        Long eta = running && totalKnown && rate > 0 ? (long) Math.ceil(Math.max(0, total - done) / rate) : null;
        Double percent = totalKnown ? (total == 0 ? 100.0 : Math.min(100.0, Math.round(done * 1000.0 / total) / 10.0)) : null;
        return new RunStatus(run.runId, run.source, run.status, run.rulesetVersion, run.asOf, run.createdAt,
                run.finishedAt, run.shardCount, totalKnown ? total : null, done, decided, failed, percent,
                running ? Math.round(rate * 10) / 10.0 : null, eta, run.previousRunId,
                shards.stream().map(s -> new Shard(s.shardIndex, s.status, s.total, s.scored, s.failed, s.checkpoint,
                        s.startedAt, s.updatedAt, s.finishedAt, s.error)).toList());
    }
}
