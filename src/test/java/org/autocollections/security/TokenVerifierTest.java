package org.autocollections.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.autocollections.DatabaseFree;

/**
 * A token once verified is not verified again while it is valid, and is refused the moment it is not: past its
 * expiry, or once the key file it was verified with has changed. Real RS256 tokens and smallrye-jwt's own verifier,
 * with a key pair made for the test; the remembering side reads a clock the test moves.
 */
@DatabaseFree
class TokenVerifierTest {

    @TempDir
    Path keys;

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();
    private JWTAuthContextInfo context;
    private TokenVerifier verifier;

    /** The clock the remembered tokens are checked with. */
    static final class MovableClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** smallrye-jwt's verifier, counted; it refuses what has expired by the test's clock, as it would by the real one. */
    private JWTCallerPrincipalFactory countedVerifier() {
        DefaultJWTCallerPrincipalFactory real = new DefaultJWTCallerPrincipalFactory();
        return new JWTCallerPrincipalFactory() {
            @Override
            public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
                verifications.incrementAndGet();
                JWTCallerPrincipal p = real.parse(token, info);
                if (!clock.instant().isBefore(Instant.ofEpochSecond(p.getExpirationTime()))) {
                    throw new ParseException("expired");
                }
                return p;
            }
        };
    }

    @BeforeEach
    void keyFile() throws Exception {
        LocalKeys.ensure(keys);
        context = new JWTAuthContextInfo();
        context.setPublicKeyLocation("file:" + keys.resolve(LocalKeys.PUBLIC));
        context.setIssuedBy(LocalKeys.ISSUER);
        verifier = new TokenVerifier(clock, 10_000, Duration.ofMinutes(5), this::countedVerifier);
    }

    private String token(String... roles) throws Exception {
        return Tokens.local(keys, roles);
    }

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgainAndGivesTheSamePrincipalAndRoles() throws Exception {
        String token = token(Roles.SERVICER);
        JWTCallerPrincipal first = verifier.parse(token, context);
        JWTCallerPrincipal again = verifier.parse(token, context);

        assertThat(again).isSameAs(first);
        assertThat(again.getGroups()).containsExactly(Roles.SERVICER);
        assertThat(again.getName()).isEqualTo("tester");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        String token = token(Roles.SERVICER); // valid for an hour
        verifier.parse(token, context);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        verifier.parse(token, context);
        assertThat(verifications).as("within the maximum age, remembered").hasValue(1);

        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> verifier.parse(token, context)).isInstanceOf(ParseException.class);
        assertThat(verifications).as("an expired token is verified again, and refused").hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAgeEvenIfItIsValidLonger() throws Exception {
        String token = token(Roles.SERVICER);
        verifier.parse(token, context);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        verifier.parse(token, context);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused(@TempDir Path otherKeys) throws Exception {
        verifier.parse(token(Roles.SERVICER), context);
        LocalKeys.ensure(otherKeys);
        String forged = Tokens.local(otherKeys, Roles.SERVICER, Roles.ANALYST);
        assertThatThrownBy(() -> verifier.parse(forged, context)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> verifier.parse(forged, context)).as("and not remembered")
                .isInstanceOf(ParseException.class);
        assertThat(verifier.remembered()).isEqualTo(1);
    }

    @Test
    void afterTheKeyFileChangesATokenOfTheOldKeyIsRefusedAtOnce(@TempDir Path newKeys) throws Exception {
        String old = token(Roles.SERVICER);
        verifier.parse(old, context);
        verifier.parse(old, context);

        LocalKeys.ensure(newKeys);
        Path staged = keys.resolve("new.pub.pem");
        Files.copy(newKeys.resolve(LocalKeys.PUBLIC), staged);
        Files.move(staged, keys.resolve(LocalKeys.PUBLIC), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        assertThatThrownBy(() -> verifier.parse(old, context)).isInstanceOf(ParseException.class);
        JWTCallerPrincipal fresh = verifier.parse(Tokens.local(newKeys, Roles.ANALYST), context);
        assertThat(fresh.getGroups()).containsExactly(Roles.ANALYST);
    }

    @Test
    void aRemovedKeyFileRefusesEveryTokenAtOnce() throws Exception {
        String token = token(Roles.SERVICER);
        verifier.parse(token, context);
        Files.delete(keys.resolve(LocalKeys.PUBLIC));
        assertThatThrownBy(() -> verifier.parse(token, context)).isInstanceOf(ParseException.class);
    }

    @Test
    void atMostTheConfiguredNumberOfTokensAreRemembered() throws Exception {
        TokenVerifier small = new TokenVerifier(clock, 2, Duration.ofMinutes(5), this::countedVerifier);
        for (int i = 0; i < 5; i++) {
            small.parse(Tokens.local(keys, Roles.SERVICER, "r" + i), context);
        }
        assertThat(small.remembered()).isEqualTo(2);
    }
}
