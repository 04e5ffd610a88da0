package org.autocollections.signin;

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

/** One line of the sign-in trail: who, from where, when, and what happened. Never a password. */
@Entity
@Table(name = "signin_event")
public class SigninEvent extends PanacheEntityBase {

    public enum Kind {
        SIGNED_IN, SIGNED_OUT, EXPIRED, FAILED, THROTTLED
    }

    /** With a password here, or at the lender's identity provider. */
    public enum Method {
        PASSWORD, PROVIDER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 128)
    public String subject;

    @Column(nullable = false, length = 64)
    public String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Method method = Method.PASSWORD;
}
