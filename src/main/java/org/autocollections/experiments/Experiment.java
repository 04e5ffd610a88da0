package org.autocollections.experiments;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A champion/challenger experiment as agreed: its segment, who proposed and approved it, and where it stands. */
@Entity
@Table(name = "experiment")
public class Experiment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ExperimentStatus status;

    /** The version active when the experiment started; none before. */
    @Column(name = "champion_version", length = 16)
    public String championVersion;

    /** Comma-separated overdue buckets (M1, M2...); none: every bucket. */
    @Column(name = "segment_buckets", length = 200)
    public String segmentBuckets;

    @Column(name = "segment_jurisdictions", length = 50)
    public String segmentJurisdictions;

    @Column(name = "segment_risk_ratings", length = 100)
    public String segmentRiskRatings;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "approved_by", length = 200)
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(length = 2000)
    public String note;

    Segment segment() {
        return Segment.of(segmentBuckets, segmentJurisdictions, segmentRiskRatings);
    }
}
