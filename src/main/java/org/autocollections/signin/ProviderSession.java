package org.autocollections.signin;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A page signed in at the lender's identity provider: there is no account of ours behind it, so it keeps the roles
 * the provider's groups gave when it signed in, until it ends. Kept under the SHA-256 of its cookie.
 */
@Entity
@Table(name = "provider_session")
public class ProviderSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(nullable = false, length = 128)
    public String subject;

    /** Comma-separated, as security.Roles names them. */
    @Column(nullable = false, length = 300)
    public String roles;

    @Column(name = "sign_out_url", length = 2048)
    public String signOutUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
