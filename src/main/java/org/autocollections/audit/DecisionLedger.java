package org.autocollections.audit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.CollectionCase;
import org.autocollections.api.Decision;
import org.autocollections.observability.DecisionSpans;
import org.autocollections.observability.RequestId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The append-only record of decisions. A decision leaves the service only after its record is committed; when the
 * database cannot take it, the caller gets {@link DatabaseUnavailableException} and no decision.
 */
@ApplicationScoped
public class DecisionLedger {

    private static final Logger LOG = Logger.getLogger(DecisionLedger.class);

    /** Records sent to the database in one JDBC batch at most; a larger group goes in several. */
    static final int MAX_BATCH = 500;

    /**
     * Whether a group's records go as one JDBC batch: on a database server (PostgreSQL), where it saves a round trip per
     * record; not on the embedded H2, where it measured slower (docs/benchmarks.md, "Third series").
     */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    ObjectMapper json;

    @Inject
    DecisionSpans spans;

    /**
     * A record as read: the request as received, and what was decided. For a record written before V9 that is the
     * whole decision as answered ({@code complete}); since V9 it is the {@link RecordedConclusions}.
     */
    public record Recorded(JsonNode request, JsonNode decision, boolean complete) {
    }

    /** The request and conclusions a record's payload holds. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Payload(CollectionCase request, RecordedConclusions decision) {
    }

    /** A decision and the request it answered. */
    public record Entry(CollectionCase request, Decision decision, boolean storedCase) {
    }

    /**
     * Commits the records of the decisions, all or none. When the connection fails during the COMMIT itself, the
     * database may have committed or not: the service looks, on a new connection, and carries on if the records are
     * there (the decisions are recorded, so they may be given). Otherwise the caller gets
     * {@link DatabaseUnavailableException}, and the log names the decisions whose records may still exist, so that
     * every record can be matched with an answer.
     */
    public void record(List<Entry> entries) {
        commit(entries.stream().map(this::toRecord).toList());
    }

    /** Commits records made by {@link #toRecord}, all or none, as {@link #record} does. */
    public void commit(List<DecisionRecord> rows) {
        AtomicBoolean inserted = new AtomicBoolean();
        try {
            guarded(() -> {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!"h2".equalsIgnoreCase(dbKind)) {
                        // one round trip to the database server for the group instead of one per record
                        DecisionRecord.getSession().setJdbcBatchSize(Math.min(rows.size(), MAX_BATCH));
                    }
                    DecisionRecord.persist(rows);
                    DecisionRecord.flush(); // the inserts go now: a failure after this point is the COMMIT's
                    inserted.set(true);
                });
                return null;
            });
        } catch (DatabaseUnavailableException e) {
            if (!inserted.get()) {
                throw e; // the COMMIT was never sent: nothing was recorded
            }
            List<String> ids = rows.stream().map(r -> r.decisionId).toList();
            String found = lookUp(ids);
            if ("all".equals(found)) {
                LOG.warnf("Decisions %s: the connection failed during COMMIT; the records are committed, so the "
                        + "decisions are given", ids);
                return;
            }
            LOG.warnf("Decisions %s: the connection failed during COMMIT; commit outcome unknown (%s); answered 503",
                    ids, found);
            throw e;
        }
    }

    /** Whether the records are in the database, on a connection of their own: "all", "none" or why it is not known. */
    private static String lookUp(List<String> ids) {
        try {
            long found = QuarkusTransaction.requiringNew().call(() -> DecisionRecord.count("decisionId in ?1", ids));
            return found == ids.size() ? "all" : found == 0 ? "records not found on a new connection" : found + " found";
        } catch (RuntimeException e) {
            return "the database cannot be asked: " + e.getMessage();
        }
    }

    public Optional<DecisionRecord> find(String decisionId) {
        return guarded(() -> QuarkusTransaction.requiringNew()
                .call(() -> DecisionRecord.<DecisionRecord>findByIdOptional(decisionId)));
    }

    /** The case's decisions, newest first. */
    public List<DecisionRecord> history(String caseId, int page, int size) {
        return guarded(() -> QuarkusTransaction.requiringNew().call(() -> DecisionRecord
                .<DecisionRecord>find("caseId", Sort.descending("decidedAt", "decisionId"), caseId)
                .page(Page.of(page, size)).list()));
    }

    public long count(String caseId) {
        return guarded(() -> QuarkusTransaction.requiringNew().call(() -> DecisionRecord.count("caseId", caseId)));
    }

    /** The record of the decision, as it is stored (not yet stored). */
    public DecisionRecord toRecord(Entry entry) {
        DecisionRecord row = new DecisionRecord();
        Decision d = entry.decision();
        row.decisionId = d.decisionId();
        row.caseId = d.caseId();
        row.decidedAt = d.decidedAt();
        row.asOf = d.asOf();
        row.rulesetVersion = d.rulesetVersion();
        row.nextAction = d.nextAction() == null ? null : d.nextAction().type().name();
        row.storedCase = entry.storedCase();
        if (d.experiment() != null) {
            row.experimentId = d.experiment().id();
            row.arm = d.experiment().arm();
        }
        row.requestId = RequestId.current();
        row.traceId = spans.traceId();
        row.payload = payload(entry.request(), RecordedConclusions.of(d));
        return row;
    }

    /** The stored form of a request and its conclusions (none for a benchmark's copy). */
    public byte[] payload(CollectionCase request, RecordedConclusions conclusions) {
        try {
            return RecordPayload.pack(json.writeValueAsBytes(new Payload(request, conclusions)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A decision that cannot be written as JSON cannot be recorded", e);
        }
    }

    /** The request and the decision a record holds, whichever way it was written. */
    public Recorded read(DecisionRecord row) {
        try {
            if (row.payload == null) {
                return new Recorded(json.readTree(row.request), json.readTree(row.response), true);
            }
            JsonNode payload = json.readTree(RecordPayload.unpack(row.payload));
            return new Recorded(payload.get("request"), payload.get("decision"), false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The record of decision " + row.decisionId + " cannot be read", e);
        }
    }

    /** The conclusions of a decision, in the form {@link #read} gives a record's, for comparing the two. */
    public JsonNode conclusions(Decision decision) {
        try {
            return json.readTree(json.writeValueAsBytes(RecordedConclusions.of(decision)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A decision that cannot be written as JSON", e);
        }
    }

    /**
     * Runs database work, turning the failures that mean "the database is not there" into
     * {@link DatabaseUnavailableException}. Anything else is a real fault and stays what it is.
     */
    public static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isUnavailable(e) || rolledBackWhileDatabaseAway(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw e;
        }
    }

    /**
     * A connection lost while the commit flushes the last statements rolls the transaction back, and the transaction
     * manager reports only the rollback, without the connection error among its causes. The database is asked
     * directly: if it does not answer, the failure was its absence, not a fault of the request.
     */
    private static boolean rolledBackWhileDatabaseAway(RuntimeException e) {
        if (!SqlFailures.any(e, t -> t instanceof jakarta.transaction.RollbackException)) {
            return false;
        }
        try (java.sql.Connection probe = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class)
                .get().getConnection()) {
            return !probe.isValid(2);
        } catch (java.sql.SQLException | RuntimeException unreachable) {
            return true;
        }
    }

    /**
     * Whether the failure means the database cannot be reached. Connection errors surface as causes, or as
     * exceptions suppressed by a failed commit or rollback, so both are searched.
     */
    static boolean isUnavailable(Throwable e) {
        return SqlFailures.hasState(e, "08") // SQLSTATE class 08 is "connection exception"
                || SqlFailures.any(e, t -> t instanceof org.hibernate.exception.JDBCConnectionException
                        || t instanceof java.sql.SQLTransientConnectionException
                        || t instanceof java.sql.SQLNonTransientConnectionException
                        || t instanceof java.net.SocketException
                        || String.valueOf(t.getMessage()).contains("Acquisition timeout")
                        || String.valueOf(t.getMessage()).contains("Unable to acquire JDBC Connection"));
    }
}
