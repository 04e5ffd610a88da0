package org.autocollections.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for the tests, signed with the test key the test profile trusts
 * ({@code src/test/resources/test-keys}), or with a packaged service's local key.
 */
public final class Tokens {

    private static final PrivateKey TEST_KEY = readTestKey();

    private Tokens() {
    }

    /** A token for the roles, from the expected issuer, valid for an hour. */
    public static String of(String... roles) {
        return claims(roles).sign(TEST_KEY);
    }

    /** The claims of a good token, for a test to change one thing and sign. */
    public static JwtClaimsBuilder claims(String... roles) {
        return Jwt.issuer(LocalKeys.ISSUER).subject("tester").upn("tester").groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(TEST_KEY);
    }

    /** A token signed with the local key of a packaged service that runs in the given folder. */
    public static String local(Path keysDir, String... roles) throws Exception {
        return claims(roles).sign(LocalKeys.privateKey(keysDir));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey readTestKey() {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("test-keys/token-signing.pem")) {
            return LocalKeys.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The test signing key cannot be read", e);
        }
    }
}
