package org.autocollections.lifecycle;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a draft's status, for the audit trail; never updated or deleted. */
@Entity
@Immutable
@Table(name = "ruleset_event")
public class RulesetEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "draft_id", nullable = false)
    public Long draftId;

    @Column(nullable = false, length = 16)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public DraftStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public DraftStatus toStatus;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 2000)
    public String note;

    static RulesetEvent of(Draft draft, DraftStatus from, String actor, Instant at, String note) {
        RulesetEvent event = new RulesetEvent();
        event.draftId = draft.id;
        event.version = draft.version;
        event.fromStatus = from;
        event.toStatus = draft.status;
        event.actor = actor;
        event.at = at;
        event.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
        return event;
    }
}
