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

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of an experiment, for the audit trail; never updated or deleted. */
@Entity
@Immutable
@Table(name = "experiment_event")
public class ExperimentEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "experiment_id", nullable = false)
    public Long experimentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 16)
    public ExperimentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 16)
    public ExperimentStatus toStatus;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    @Column(length = 2000)
    public String note;

    static ExperimentEvent of(Experiment experiment, ExperimentStatus from, String actor, Instant at, String note) {
        ExperimentEvent event = new ExperimentEvent();
        event.experimentId = experiment.id;
        event.fromStatus = from;
        event.toStatus = experiment.status;
        event.actor = actor;
        event.at = at;
        event.note = note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
        return event;
    }
}
