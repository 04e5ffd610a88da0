package org.autocollections.ruleset;

import org.autocollections.tables.PolicyFile;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One file of a kept ruleset version, its content base64-encoded so one column type serves every database. */
@Entity
@Table(name = "ruleset_file")
@IdClass(RulesetFile.Key.class)
public class RulesetFile extends PanacheEntityBase {

    /** The composite key: version and path. */
    public static class Key implements Serializable {
        public String version;
        public String path;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(version, k.version) && java.util.Objects.equals(path, k.path);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(version, path);
        }
    }

    @Id
    @Column(length = 16)
    public String version;

    @Id
    @Column(length = 300)
    public String path;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false)
    public String content;

    PolicyFile toPolicyFile() {
        return PolicyFile.fromBase64(path, content);
    }

    static RulesetFile of(String version, PolicyFile file) {
        RulesetFile row = new RulesetFile();
        row.version = version;
        row.path = file.path();
        row.sha256 = file.sha256();
        row.content = file.base64();
        return row;
    }
}
