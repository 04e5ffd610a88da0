package org.autocollections.simulation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A what-if: a candidate ruleset and a baseline deciding the same stored cases as of one instant. */
@Entity
@Table(name = "simulation")
public class Simulation extends PanacheEntityBase {

    public enum Status {
        RUNNING, COMPLETED, CANCELLED, FAILED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    @Id
    @Column(name = "simulation_id", length = 36)
    public String simulationId;

    /** Assigned by the database: the order of creation, even when two have the same instant. */
    @Column(name = "simulation_number", insertable = false, updatable = false)
    public Long simulationNumber;

    @Column(name = "candidate_version", nullable = false, length = 16)
    public String candidateVersion;

    @Column(name = "baseline_version", nullable = false, length = 16)
    public String baselineVersion;

    @Column(name = "as_of", nullable = false)
    public Instant asOf;

    @Column(name = "sample_size")
    public Integer sampleSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(nullable = false)
    public long total;

    @Column(nullable = false)
    public long done;

    @Column(nullable = false)
    public long failed;

    @Column(nullable = false)
    public long changed;

    @Column(name = "requested_by", length = 200)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(length = 2000)
    public String error;

    /** The report as JSON, once the simulation has ended (completed or cancelled). */
    public String report;
}
