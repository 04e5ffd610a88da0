package org.autocollections.lifecycle;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.autocollections.tables.PolicyFile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One file of a draft: every file of the candidate ruleset is kept, and marked if the analyst uploaded it. */
@Entity
@Table(name = "ruleset_draft_file")
@IdClass(DraftFile.Key.class)
public class DraftFile extends PanacheEntityBase {

    /** The composite key: draft and path. */
    public static class Key implements Serializable {
        public Long draftId;
        public String path;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(draftId, k.draftId) && Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(draftId, path);
        }
    }

    @Id
    @Column(name = "draft_id")
    public Long draftId;

    @Id
    @Column(length = 300)
    public String path;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false)
    public boolean uploaded;

    @Column(nullable = false)
    public String content;

    PolicyFile toPolicyFile() {
        return PolicyFile.fromBase64(path, content);
    }

    static DraftFile of(long draftId, PolicyFile file, boolean uploaded) {
        DraftFile row = new DraftFile();
        row.draftId = draftId;
        row.path = file.path();
        row.sha256 = file.sha256();
        row.uploaded = uploaded;
        row.content = file.base64();
        return row;
    }
}
