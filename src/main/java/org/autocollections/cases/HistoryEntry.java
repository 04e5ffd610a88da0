package org.autocollections.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something that happened on a case, logged under the client's own id so that a retry is recognised. */
@MappedSuperclass
public abstract class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false, length = 64)
    public String caseId;

    @Column(name = "entry_id", nullable = false, length = 64)
    public String entryId;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;
}
