package org.autocollections.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.ws.rs.core.NewCookie;

/**
 * The secret a signed-in page holds in its cookie, and what is derived from it: the hash a session is stored under,
 * and the CSRF token the page sends back in a header. A site that makes the browser send the cookie cannot read it
 * (HttpOnly, same-origin), so it cannot derive the CSRF token either.
 */
public final class SessionTokens {

    /** The cookie's name; the {@code __Host-} form is used over HTTPS, where browsers enforce its rules. */
    public static final String COOKIE = "collections_session";
    public static final String SECURE_COOKIE = "__Host-collections_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String storedHash(String token) {
        return HexFormat.of().formatHex(sha256("session:" + token));
    }

    public static String csrf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + token));
    }

    /**
     * The cookie that holds a session (or, empty with no age, clears it). HttpOnly: no script reads it.
     * SameSite=Strict: no other site's page sends it. Over HTTPS it is Secure and takes the __Host- name, which
     * browsers bind to this host and path /.
     */
    public static NewCookie cookie(boolean https, String value, int maxAge) {
        return new NewCookie.Builder(https ? SECURE_COOKIE : COOKIE).value(value).path("/").httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }

    /** Compared in constant time, so the answer's timing tells nothing of how much of a guess was right. */
    public static boolean csrfMatches(String token, String sent) {
        return sent != null && MessageDigest.isEqual(csrf(token).getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
