package org.autocollections.scoring;

import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.autocollections.audit.DecisionLedger;
import org.autocollections.audit.DecisionRecord;
import org.autocollections.bulk.MultiRowInsert;
import org.autocollections.bulk.RunTally;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Commits a chunk of a stored run in one transaction: the decision records (as every decision of the service is
 * recorded), the per-case rows, and the shard's checkpoint and tally. A crash loses at most the chunks not yet
 * committed, and the run resumes after the last one that was.
 */
final class StoredRunWriter implements ChunkWriter<StoredRunWriter.Row> {

    static final MultiRowInsert RECORDS = new MultiRowInsert("decision_record", "decision_id", "case_id", "decided_at",
            "as_of", "ruleset_version", "next_action", "stored_case", "payload", "run_id", "experiment_id", "arm");

    record Row(Object[] outcome, Object[] record) {
    }

    private final DataSource dataSource;
    private final DecisionLedger ledger;
    private final RunStore store;
    private final String runId;
    private final int shardIndex;

    StoredRunWriter(DataSource dataSource, DecisionLedger ledger, RunStore store, String runId, int shardIndex) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.store = store;
        this.runId = runId;
        this.shardIndex = shardIndex;
    }

    @Override
    public Row prepare(ScoredCase scored) throws Exception {
        Object[] record = null;
        if (scored.copied()) {
            // The benchmark floor: a record of the same shape, with a copy of the input in place of the decision.
            byte[] copy = ledger.payload(scored.request(), null);
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(ZoneOffset.UTC);
            record = new Object[] { java.util.UUID.randomUUID().toString(), scored.caseId(), now, now, "floor", null,
                    true, copy, runId, null, null };
        } else if (scored.decided()) {
            DecisionRecord r = ledger.toRecord(new DecisionLedger.Entry(scored.request(), scored.decision(), true));
            record = new Object[] { r.decisionId, r.caseId, r.decidedAt.atOffset(ZoneOffset.UTC),
                    r.asOf.atOffset(ZoneOffset.UTC), r.rulesetVersion, r.nextAction, true, r.payload, runId,
                    r.experimentId, r.arm };
        }
        return new Row(CaseOutcome.row(runId, scored), record);
    }

    @Override
    public boolean commit(List<Row> chunk, String checkpoint, RunTally tally) {
        List<Object[]> outcomes = new ArrayList<>(chunk.size());
        List<Object[]> records = new ArrayList<>(chunk.size());
        for (Row row : chunk) {
            outcomes.add(row.outcome());
            if (row.record() != null) {
                records.add(row.record());
            }
        }
        return DecisionLedger.guarded(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!store.checkpoint(connection, runId, shardIndex, checkpoint, tally)) {
                    return false;
                }
                RECORDS.insert(connection, records);
                CaseOutcome.INSERT.insert(connection, outcomes);
                return true;
            }
        }));
    }

    @Override
    public void close() {
    }
}
