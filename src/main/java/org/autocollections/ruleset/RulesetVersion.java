package org.autocollections.ruleset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A ruleset version whose files are kept, so any decision it made can be replayed. */
@Entity
@Table(name = "ruleset_version")
public class RulesetVersion extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String version;

    @Column(nullable = false, length = 64)
    public String digest;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;
}
