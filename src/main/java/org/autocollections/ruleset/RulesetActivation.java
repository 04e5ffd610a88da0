package org.autocollections.ruleset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One activation of a ruleset version: when it began serving, from which files. Kept so an auditor can tell which
 * version was active at any moment, and which files made it.
 */
@Entity
@Table(name = "ruleset_activation")
public class RulesetActivation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String version;

    @Column(nullable = false, length = 64)
    public String digest;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(nullable = false, length = 500)
    public String origin;

    @Column(name = "rule_model", nullable = false, length = 16)
    public String ruleModel;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    /** The files as JSON: path, sha256 and size of each. */
    @Column(nullable = false, length = 1_000_000)
    public String files;
}
