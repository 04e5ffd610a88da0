package org.autocollections.scoring;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The part of a run one process scores: its counts, and the checkpoint its last committed chunk reached, from
 * which the same command resumes after a crash.
 */
@Entity
@Table(name = "portfolio_run_shard")
@IdClass(RunShard.Key.class)
public class RunShard extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String runId;
        public int shardIndex;

        public Key() {
        }

        public Key(String runId, int shardIndex) {
            this.runId = runId;
            this.shardIndex = shardIndex;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.shardIndex == shardIndex && Objects.equals(k.runId, runId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, shardIndex);
        }
    }

    @Id
    @Column(name = "run_id", length = 64)
    public String runId;

    @Id
    @Column(name = "shard_index")
    public int shardIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public PortfolioRun.Status status;

    /** Cases in the shard when it started (or lines in the file). */
    @Column(nullable = false)
    public long total;

    @Column(nullable = false)
    public long scored;

    @Column(nullable = false)
    public long failed;

    @Column(length = 200)
    public String checkpoint;

    /** {@link org.autocollections.bulk.RunTally} as JSON, committed with the checkpoint. */
    public String tally;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** When the current process took the shard up, and how far it had come: the rate is measured from there. */
    @Column(name = "resumed_at", nullable = false)
    public Instant resumedAt;

    @Column(name = "scored_at_resume", nullable = false)
    public long scoredAtResume;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(length = 2000)
    public String error;

    public long done() {
        return scored + failed;
    }
}
