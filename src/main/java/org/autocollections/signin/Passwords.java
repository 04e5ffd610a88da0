package org.autocollections.signin;

import java.nio.charset.StandardCharsets;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt hashes of passwords, through Elytron's implementation (Quarkus' own BcryptUtil). */
final class Passwords {

    /** Fewer characters are too easily guessed; bcrypt reads no more than 72 bytes, so more would be ignored. */
    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    /** About a quarter of a second on a server core: slow for a guesser, unnoticed by a person signing in. */
    private static final int COST = 12;
    /**
     * Checked when no account has the subject, so that a wrong subject costs the same time as a wrong password and
     * the answer's timing does not tell which subjects exist.
     */
    private static final String NO_ONE = BcryptUtil.bcryptHash("no account has this subject", COST);

    private Passwords() {
    }

    /** Why a password cannot be used, or null when it can. */
    static String weakness(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "a password may have at most " + MAX_BYTES + " bytes (bcrypt ignores the rest)";
        }
        return null;
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    static boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BcryptUtil.matches("", NO_ONE);
            return false;
        }
        return BcryptUtil.matches(password, hash == null ? NO_ONE : hash) && hash != null;
    }
}
