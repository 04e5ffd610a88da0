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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A candidate ruleset and where it stands in the lifecycle; its files are {@link DraftFile}s. */
@Entity
@Table(name = "ruleset_draft")
public class Draft extends PanacheEntityBase {

    /** How the draft came in. */
    public enum Origin {
        /** Uploaded by an analyst through the API or the analyst's page. */
        UPLOAD,
        /** The rules and decision-tables folders, loaded at start or by a reload. */
        FOLDERS,
        /** Saved into the decision-tables folder and picked up by watch mode. */
        WATCH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16)
    public String version;

    @Column(nullable = false, length = 64)
    public String digest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DraftStatus status;

    @Column(name = "base_version", length = 16)
    public String baseVersion;

    @Column(nullable = false, length = 200)
    public String author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Origin origin;

    @Column(length = 2000)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "approved_by", length = 200)
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "error_count", nullable = false)
    public int errorCount;

    @Column(name = "warning_count", nullable = false)
    public int warningCount;

    /** The validation findings as JSON. */
    @Column(nullable = false, length = 1_000_000)
    public String findings;

    /** What the draft changes against its base version, as JSON: files, and cells of tables. */
    @Column(nullable = false, length = 1_000_000)
    public String changes;
}
