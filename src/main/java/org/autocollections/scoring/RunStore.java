package org.autocollections.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.autocollections.api.Message;
import org.autocollections.audit.DecisionLedger;
import org.autocollections.bulk.RunTally;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Runs and their shards in the database: started or joined, checkpointed chunk by chunk, finished, cancelled. The
 * database is the only coordination between the processes that score the shards of a run.
 */
@ApplicationScoped
public class RunStore {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** The shard a process is to score, and the run it belongs to, both as they stood when it was taken up. */
    public record Claim(PortfolioRun run, RunShard shard, boolean alreadyComplete) {
    }

    /**
     * Starts the run, or joins it (another shard's process started it), or resumes it (this shard's earlier process
     * stopped). The run's ruleset version and instant are fixed by whoever starts it.
     */
    public Claim claim(RunSpec spec, String activeVersion) {
        try {
            return claimOnce(spec, activeVersion);
        } catch (RuntimeException e) {
            if (!org.autocollections.audit.SqlFailures.isDuplicateKey(e)) {
                throw e;
            }
            return claimOnce(spec, activeVersion); // another shard's process created the run (or shard) meanwhile
        }
    }

    private Claim claimOnce(RunSpec spec, String activeVersion) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            PortfolioRun run = spec.runId() != null
                    ? PortfolioRun.findById(spec.runId(), LockModeType.PESSIMISTIC_WRITE)
                    : unfinished(spec).orElse(null);
            if (run == null) {
                run = create(spec, activeVersion, now);
            }
            check(run, spec);
            RunShard shard = RunShard.findById(new RunShard.Key(run.runId, spec.shard().index()));
            if (shard != null && shard.status == PortfolioRun.Status.COMPLETED) {
                return new Claim(run, shard, true);
            }
            boolean fresh = shard == null;
            if (fresh) {
                shard = new RunShard();
                shard.runId = run.runId;
                shard.shardIndex = spec.shard().index();
                shard.startedAt = now;
                shard.total = -1;
            }
            shard.status = PortfolioRun.Status.RUNNING;
            shard.resumedAt = now;
            shard.scoredAtResume = shard.done();
            shard.updatedAt = now;
            shard.error = null;
            shard.finishedAt = null;
            if (fresh) {
                shard.persist();
            }
            return new Claim(run, shard, false);
        }));
    }

    private Optional<PortfolioRun> unfinished(RunSpec spec) {
        return PortfolioRun.<PortfolioRun>find("status = ?1 and source = ?2 and shardCount = ?3",
                Sort.descending("createdAt", "runNumber"), PortfolioRun.Status.RUNNING, spec.source(), spec.shard().count())
                .stream().filter(r -> spec.input() == null || spec.input().toString().equals(r.input))
                .findFirst();
    }

    private PortfolioRun create(RunSpec spec, String activeVersion, Instant now) {
        PortfolioRun run = new PortfolioRun();
        run.runId = spec.runId() != null ? spec.runId()
                : "run-" + RUN_ID.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        run.source = spec.source();
        run.input = spec.input() == null ? null : spec.input().toString();
        run.output = spec.output() == null ? null : spec.output().toString();
        run.rulesetVersion = activeVersion;
        run.asOf = spec.asOf() != null ? spec.asOf() : now;
        run.shardCount = spec.shard().count();
        run.status = PortfolioRun.Status.RUNNING;
        run.createdAt = now;
        run.previousRunId = PortfolioRun.<PortfolioRun>find("status = ?1 and source = ?2",
                Sort.descending("finishedAt", "runNumber"), PortfolioRun.Status.COMPLETED, run.source)
                .firstResultOptional().map(r -> r.runId).orElse(null);
        run.persist();
        return run;
    }

    private static void check(PortfolioRun run, RunSpec spec) {
        if (run.status == PortfolioRun.Status.CANCELLED) {
            throw new RunConflictException(Message.of("run-conflict.detail.cancelled", run.runId));
        }
        if (run.shardCount != spec.shard().count()) {
            throw new RunConflictException(Message.of("run-conflict.detail.shards", run.runId, run.shardCount,
                    spec.shard().count()));
        }
        if (run.source != spec.source()) {
            throw new RunConflictException(Message.of(run.source == PortfolioRun.Source.STORED
                    ? "run-conflict.detail.scores-stored"
                    : spec.input() == null ? "run-conflict.detail.scores-file-not-stored" : "run-conflict.detail.scores-file",
                    run.runId, run.input, spec.input()));
        }
    }

    /** Sets the number of cases in the shard, once counted. */
    public void total(RunShard.Key key, long total) {
        DecisionLedger.guarded(() -> {
            QuarkusTransaction.requiringNew().run(() -> RunShard.update("total = ?1 where runId = ?2 and shardIndex = ?3",
                    total, key.runId, key.shardIndex));
            return null;
        });
    }

    /**
     * Inside the chunk's transaction: moves the shard's checkpoint and adds the chunk's tally. Returns false, and
     * changes nothing, when the run has been cancelled.
     */
    boolean checkpoint(Connection connection, String runId, int shardIndex, String checkpoint, RunTally chunk)
            throws SQLException {
        String status;
        String tally;
        try (PreparedStatement select = connection.prepareStatement("select r.status, s.tally from portfolio_run r "
                + "join portfolio_run_shard s on s.run_id = r.run_id where r.run_id = ? and s.shard_index = ?")) {
            select.setString(1, runId);
            select.setInt(2, shardIndex);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("run " + runId + " shard " + shardIndex + " is gone");
                }
                status = rows.getString(1);
                tally = rows.getString(2);
            }
        }
        if (!PortfolioRun.Status.RUNNING.name().equals(status)) {
            return false;
        }
        RunTally total = tally == null ? new RunTally() : read(tally);
        total.merge(chunk);
        try (PreparedStatement update = connection.prepareStatement("update portfolio_run_shard set checkpoint = ?, "
                + "tally = ?, scored = ?, failed = ?, updated_at = ? where run_id = ? and shard_index = ?")) {
            update.setString(1, checkpoint);
            update.setString(2, write(total));
            update.setLong(3, total.decided);
            update.setLong(4, total.failed);
            update.setObject(5, clock.instant().atOffset(ZoneOffset.UTC));
            update.setString(6, runId);
            update.setInt(7, shardIndex);
            update.executeUpdate();
        }
        return true;
    }

    /**
     * Ends the shard. When it completes and every other shard has, the run completes too and its summary is
     * written; the run's row is locked meanwhile, so two shards ending together cannot both miss it.
     */
    public PortfolioRun finish(RunShard.Key key, PortfolioRun.Status status, String error, RunSummaries summaries) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            PortfolioRun run = PortfolioRun.findById(key.runId, LockModeType.PESSIMISTIC_WRITE);
            RunShard shard = RunShard.findById(key);
            if (shard.status == PortfolioRun.Status.RUNNING) {
                shard.status = run.status == PortfolioRun.Status.CANCELLED ? PortfolioRun.Status.CANCELLED : status;
                shard.finishedAt = now;
                shard.updatedAt = now;
                shard.error = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
            }
            List<RunShard> shards = RunShard.list("runId", key.runId);
            if (run.status == PortfolioRun.Status.RUNNING && shards.size() == run.shardCount
                    && shards.stream().allMatch(s -> s.status == PortfolioRun.Status.COMPLETED)) {
                run.status = PortfolioRun.Status.COMPLETED;
                run.finishedAt = now;
                run.summary = write(summaries.summarise(run, shards));
            }
            return run;
        }));
    }

    /** Cancels the run: every shard stops at its next chunk. False when it had already finished. */
    public boolean cancel(String runId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            PortfolioRun run = PortfolioRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
            if (run == null) {
                throw new RunNotFoundException(runId);
            }
            if (run.status.finished()) {
                return false;
            }
            run.status = PortfolioRun.Status.CANCELLED;
            run.finishedAt = clock.instant();
            return true;
        }));
    }

    public Optional<PortfolioRun> find(String runId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew()
                .call(() -> PortfolioRun.<PortfolioRun>findByIdOptional(runId)));
    }

    public List<RunShard> shards(String runId) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew()
                .call(() -> RunShard.<RunShard>list("runId", Sort.ascending("shardIndex"), runId)));
    }

    public List<PortfolioRun> recent(int limit) {
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> PortfolioRun
                .<PortfolioRun>findAll(Sort.descending("createdAt", "runNumber")).page(0, limit).list()));
    }

    RunTally read(String tally) {
        try {
            return json.readValue(tally, RunTally.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run's tally no longer reads", e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A run's figures could not be written as JSON", e);
        }
    }
}
