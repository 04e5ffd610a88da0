package org.autocollections.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One decision exactly as it was given: the request, what it concluded with the reasons' codes and sources, the
 * ruleset version and the time. Records written since migration V9 hold the request and the conclusions in
 * {@link #payload} (see {@link RecordPayload}); older ones hold the request and the whole response as JSON text.
 * {@link Immutable}: Hibernate never issues an update for it, and no endpoint deletes it; only the retention job
 * removes records older than the retention period.
 */
@Entity
@Immutable
@Table(name = "decision_record")
public class DecisionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "decision_id", length = 36)
    public String decisionId;

    @Column(name = "case_id", nullable = false, length = 64)
    public String caseId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "ruleset_version", nullable = false, length = 16)
    public String rulesetVersion;

    @Column(name = "next_action", length = 32)
    public String nextAction;

    /** Whether the case was a stored one, decided with its stored history. */
    @Column(name = "stored_case", nullable = false)
    public boolean storedCase;

    /** The portfolio run that made the decision, if any. */
    @Column(name = "run_id", length = 64)
    public String runId;

    /** The HTTP request that asked for the decision (X-Request-Id); none for a portfolio run's decisions. */
    @Column(name = "request_id", length = 64)
    public String requestId;

    /** The trace of the HTTP request that asked for the decision, when traces are on (docs/operations.md#traces). */
    @Column(name = "trace_id", length = 32)
    public String traceId;

    /** The experiment whose arm made the decision, if any (since V11). */
    @Column(name = "experiment_id")
    public Long experimentId;

    /** That experiment's arm: champion or a challenger's name. */
    @Column(name = "arm", length = 64)
    public String arm;

    /** The request as received, as JSON: records written before V9 only. */
    public String request;

    /** The whole decision as answered, as JSON: records written before V9 only. */
    public String response;

    /** The request and the conclusions, compressed: records written since V9. */
    public byte[] payload;
}
