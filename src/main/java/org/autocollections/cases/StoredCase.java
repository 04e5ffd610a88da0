package org.autocollections.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case as the servicer last sent it, without its history (which is logged entry by entry). */
@Entity
@Table(name = "collection_case")
public class StoredCase extends PanacheEntityBase {

    @Id
    @Column(name = "case_id", length = 64)
    public String caseId;

    /** The case as JSON, in the shape of a decision request with no history. */
    @Column(nullable = false)
    public String snapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long revision;
}
