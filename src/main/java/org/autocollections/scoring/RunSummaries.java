package org.autocollections.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.bulk.RunTally;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Builds a run's summary: the shards' tallies added up, and for a stored run the roll rates, counted in the
 * database from the per-case rows of this run and the previous one.
 */
@ApplicationScoped
public class RunSummaries {

    @Inject
    RunStore store;

    /** The summary of the run as it stands (the figures so far, for a run still going). */
    public RunSummary current(String runId) {
        return org.autocollections.audit.DecisionLedger.guarded(() -> io.quarkus.narayana.jta.QuarkusTransaction
                .requiringNew().call(() -> {
                    PortfolioRun run = PortfolioRun.findById(runId);
                    if (run == null) {
                        throw new RunNotFoundException(runId);
                    }
                    return summarise(run, RunShard.list("runId", runId));
                }));
    }

    /** Inside a transaction. */
    RunSummary summarise(PortfolioRun run, List<RunShard> shards) {
        RunTally tally = new RunTally();
        shards.stream().map(s -> s.tally).filter(Objects::nonNull).map(store::read).forEach(tally::merge);
        Instant started = shards.stream().map(s -> s.startedAt).min(Comparator.naturalOrder()).orElse(run.createdAt);
        Instant finished = run.finishedAt != null ? run.finishedAt
                : shards.stream().map(s -> s.finishedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        Double duration = finished == null ? null : Duration.between(started, finished).toMillis() / 1000.0;
        RunSummary.RollRates roll = run.source == PortfolioRun.Source.STORED && run.previousRunId != null
                ? rollRates(run.runId, run.previousRunId) : null;
        return new RunSummary(run.runId, run.rulesetVersion, run.asOf, run.status, tally.decided, tally.failed, started,
                finished, duration, tally.byBucket, tally.byClassification, tally.byRating, tally.byNextAction,
                tally.exposure, tally.expectedLoss, roll);
    }

    private static RunSummary.RollRates rollRates(String runId, String previousRunId) {
        RollMatrix matrix = new RollMatrix();
        // Cases in both runs: from their bucket then to their bucket now.
        count(matrix, "select p.bucket, c.bucket, count(*) from portfolio_decision c join portfolio_decision p "
                + "on p.run_id = ?1 and p.case_id = c.case_id where c.run_id = ?2 group by p.bucket, c.bucket",
                previousRunId, runId, null, null);
        // Cases new since the previous run.
        count(matrix, "select c.bucket, count(*) from portfolio_decision c where c.run_id = ?2 and not exists "
                + "(select 1 from portfolio_decision p where p.run_id = ?1 and p.case_id = c.case_id) group by c.bucket",
                previousRunId, runId, RollMatrix.NEW, null);
        // Cases of the previous run no longer stored.
        count(matrix, "select p.bucket, count(*) from portfolio_decision p where p.run_id = ?1 and not exists "
                + "(select 1 from portfolio_decision c where c.run_id = ?2 and c.case_id = p.case_id) group by p.bucket",
                previousRunId, runId, null, RollMatrix.GONE);
        return matrix.rates(previousRunId);
    }

    /** Adds the query's counts to the matrix; a fixed from or to stands for a column the query does not return. */
    private static void count(RollMatrix matrix, String sql, String previousRunId, String runId,
            String from, String to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, previousRunId).setParameter(2, runId).getResultList();
        for (Object[] row : rows) {
            int column = 0;
            String rowFrom = from != null ? from : bucket(row[column++]);
            String rowTo = to != null ? to : bucket(row[column++]);
            matrix.add(rowFrom, rowTo, ((Number) row[column]).longValue());
        }
    }

    private static String bucket(Object value) {
        return value == null ? RollMatrix.NONE : value.toString();
    }
}
