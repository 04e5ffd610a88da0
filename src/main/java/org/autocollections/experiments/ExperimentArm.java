package org.autocollections.experiments;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One arm of an experiment: its name, its version (the champion's is fixed at the start) and its share. */
@Entity
@IdClass(ExperimentArm.Key.class)
@Table(name = "experiment_arm")
public class ExperimentArm extends PanacheEntityBase {

    @Id
    @Column(name = "experiment_id")
    public Long experimentId;

    @Id
    @Column(name = "position")
    public Integer position;

    @Column(nullable = false, length = 64)
    public String arm;

    @Column(length = 16)
    public String version;

    /** The arm's share of the segment's cases, in basis points (1/100 of a percent). */
    @Column(name = "share_bp", nullable = false)
    public int shareBasisPoints;

    public static class Key implements Serializable {
        public Long experimentId;
        public Integer position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(experimentId, k.experimentId)
                    && java.util.Objects.equals(position, k.position);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(experimentId, position);
        }
    }
}
