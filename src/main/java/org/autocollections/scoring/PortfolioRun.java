package org.autocollections.scoring;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A scoring of the whole portfolio with one ruleset version at one instant, in one or more shards. */
@Entity
@Table(name = "portfolio_run")
public class PortfolioRun extends PanacheEntityBase {

    public enum Source { STORED, FILE }

    public enum Status {
        RUNNING, COMPLETED, CANCELLED, FAILED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    @Id
    @Column(name = "run_id", length = 64)
    public String runId;

    /** Assigned by the database: the order in which runs were created, even when two have the same instant. */
    @Column(name = "run_number", insertable = false, updatable = false)
    public Long runNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Source source;

    @Column(length = 500)
    public String input;

    @Column(length = 500)
    public String output;

    @Column(name = "ruleset_version", nullable = false, length = 16)
    public String rulesetVersion;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "shard_count", nullable = false)
    public int shardCount;

    @Column(name = "previous_run_id", length = 64)
    public String previousRunId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The summary as JSON, once every shard has completed. */
    public String summary;
}
