package org.autocollections.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens as smallrye-jwt does, and remembers the ones it verified, so that a client sending the same
 * token again is not charged the RS256 check and the parsing again (about a tenth of a decision's HTTP path). A token
 * is remembered by its SHA-256 hash, never the token itself, until its {@code exp} and at most {@code max-age}; at
 * most {@code max-entries} are remembered. The verification key file is looked at on every request (its size, time
 * and file identity): when it changes, or disappears, everything remembered is forgotten and the new key is read, so a
 * replaced or revoked key takes effect at once. Keys fetched over the network (JWKS) are refreshed by smallrye-jwt on
 * its own schedule, so tokens are not remembered then. The supported way to put this in smallrye-jwt's place is a
 * {@link JWTCallerPrincipalFactory} bean (Quarkus' security-jwt guide, custom factories).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenVerifier extends JWTCallerPrincipalFactory {

    private final Clock clock;
    private final VerifiedTokens verified;
    private final Supplier<JWTCallerPrincipalFactory> verifiers;

    /** The key file's state when last looked at, with the verifier that read that key. */
    private record KeyState(Object fileState, JWTCallerPrincipalFactory verifier) {
    }

    private volatile KeyState keyState;

    @Inject
    public TokenVerifier(Clock clock,
            @ConfigProperty(name = "collections.security.token-cache.max-entries", defaultValue = "10000") int maxEntries,
            @ConfigProperty(name = "collections.security.token-cache.max-age", defaultValue = "PT5M") Duration maxAge) {
        this(clock, maxEntries, maxAge, DefaultJWTCallerPrincipalFactory::new);
    }

    /** With the verifier to use for tokens not remembered; a new one is made whenever the key file changes. */
    TokenVerifier(Clock clock, int maxEntries, Duration maxAge, Supplier<JWTCallerPrincipalFactory> verifiers) {
        this.clock = clock;
        this.verified = new VerifiedTokens(maxEntries, maxAge);
        this.verifiers = verifiers;
        this.keyState = new KeyState(null, verifiers.get());
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        KeyState key = currentKey(context);
        boolean rememberable = rememberable(context) && verified.enabled();
        byte[] hash = rememberable ? sha256(token) : null;
        Instant now = clock.instant();
        if (rememberable) {
            JWTCallerPrincipal known = verified.find(hash, context, key.verifier(), now);
            if (known != null) {
                return known;
            }
        }
        JWTCallerPrincipal principal = key.verifier().parse(token, context);
        if (rememberable && principal.getExpirationTime() > 0) {
            verified.remember(hash, context, key.verifier(), principal,
                    Instant.ofEpochSecond(principal.getExpirationTime()), now);
        }
        return principal;
    }

    /**
     * The verifier for the key as it is now: a changed key file gets a new verifier (smallrye-jwt reads a key file
     * once per verifier) and forgets every token verified with the old key.
     */
    private KeyState currentKey(JWTAuthContextInfo context) {
        KeyState known = keyState;
        Path file = keyFile(context);
        if (file == null) {
            return known;
        }
        Object state = fileState(file);
        if (Objects.equals(state, known.fileState())) {
            return known;
        }
        synchronized (this) {
            if (!Objects.equals(state, keyState.fileState())) {
                // a token being verified with the old key meanwhile is remembered under the old verifier, so it is
                // never found under the new one
                verified.forgetAll();
                keyState = new KeyState(state, verifiers.get());
            }
            return keyState;
        }
    }

    /** Size, modification time and file identity, or "absent": what changes when the key is replaced or removed. */
    private static Object fileState(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Arrays.asList(a.size(), a.lastModifiedTime(), a.fileKey());
        } catch (NoSuchFileException e) {
            return "absent";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The verification key file, when the key is read from the file system; null for a class-path key or content. */
    static Path keyFile(JWTAuthContextInfo context) {
        String location = context.getPublicKeyLocation();
        if (location == null) {
            return null;
        }
        return location.startsWith("file:") ? Path.of(location.substring("file:".length())) : null;
    }

    /** Tokens are remembered only for keys this class can see change: a key file, a class-path key or key content. */
    private static boolean rememberable(JWTAuthContextInfo context) {
        String location = context.getPublicKeyLocation();
        return location == null || location.startsWith("file:") || !location.contains(":");
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The number of tokens remembered. */
    int remembered() {
        return verified.size();
    }
}
