package org.autocollections.security;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

/**
 * Tokens verified lately, by the SHA-256 hash of the token, each with the verification settings and the verifier
 * (standing for the key) that accepted it: found only while it is valid, and only under that same verifier.
 */
final class VerifiedTokens {

    private record Verified(JWTCallerPrincipal principal, Object context, Object verifier, Instant until) {
    }

    private final Map<ByteBuffer, Verified> tokens = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration maxAge;

    VerifiedTokens(int maxEntries, Duration maxAge) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    boolean enabled() {
        return maxEntries > 0 && !maxAge.isZero() && !maxAge.isNegative();
    }

    /** The principal of a token verified with this verifier and these settings, if it is still valid at {@code now}. */
    JWTCallerPrincipal find(byte[] hash, Object context, Object verifier, Instant now) {
        ByteBuffer key = ByteBuffer.wrap(hash);
        Verified v = tokens.get(key);
        if (v == null) {
            return null;
        }
        if (!now.isBefore(v.until()) || v.context() != context || v.verifier() != verifier) {
            tokens.remove(key, v);
            return null;
        }
        return v.principal();
    }

    /** Remembers a verified token until it expires, and never for longer than the maximum age. */
    void remember(byte[] hash, Object context, Object verifier, JWTCallerPrincipal principal, Instant expires,
            Instant now) {
        Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (tokens.size() >= maxEntries) {
            tokens.values().removeIf(v -> !now.isBefore(v.until()));
            if (tokens.size() >= maxEntries) {
                return; // full of valid tokens: this one is verified again next time, as without the cache
            }
        }
        tokens.put(ByteBuffer.wrap(hash), new Verified(principal, context, verifier, until));
    }

    void forgetAll() {
        tokens.clear();
    }

    int size() {
        return tokens.size();
    }
}
