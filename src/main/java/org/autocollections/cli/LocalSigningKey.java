package org.autocollections.cli;

import java.nio.file.Path;

import org.autocollections.security.LocalKeys;

/**
 * Before the service starts: unless the operator has named the key that checks tokens (a file or a JWKS URL, with
 * {@code mp.jwt.verify.publickey.location} or {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}), the embedded default
 * checks them against the local key, made on first start, that {@code token} signs with.
 */
final class LocalSigningKey {

    private static final String LOCATION = "mp.jwt.verify.publickey.location";

    private LocalSigningKey() {
    }

    static void prepare() {
        if (System.getProperty(LOCATION) != null || System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION") != null) {
            return;
        }
        String folder = System.getProperty("collections.security.keys-dir",
                System.getenv().getOrDefault("COLLECTIONS_SECURITY_KEYS_DIR", "data/keys"));
        Path keys = Path.of(folder).toAbsolutePath();
        try {
            if (LocalKeys.ensure(keys)) {
                // Said by the service once it logs (in the log's own format, plain or JSON): see LocalKeyNotice.
                System.setProperty(LocalKeys.MADE_PROPERTY, keys.toString());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the local token signing key in " + keys + ": " + e.getMessage(), e);
        }
        System.setProperty(LOCATION, keys.resolve(LocalKeys.PUBLIC).toUri().toString());
    }
}
