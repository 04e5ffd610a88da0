package org.autocollections.signin;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who signs in to the analyst's page with a password, made by an operator with {@code user add}. */
@Entity
@Table(name = "user_account")
public class Account extends PanacheEntityBase {

    @Id
    @Column(length = 128)
    public String subject;

    /** bcrypt, in modular crypt form: the password itself is never kept. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false, length = 300)
    public String roles;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Set<String> roleSet() {
        return new LinkedHashSet<>(Arrays.asList(roles.split(",")));
    }
}
